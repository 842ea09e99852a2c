import SwitchboardCore

/// What every signed-in page shows around its content.
struct PageFrame {
    var title: String
    var userId: Int64
    var userName: String
    var csrf: String
    /// The area of the top bar to mark as current.
    var section: Section
    /// Whether the admin pages are offered.
    var canAdmin = false
    /// The text in the search box.
    var query: String = ""
    /// Whether the user chose a time zone: then times stay as the server wrote them, else the
    /// page's script shows them in the browser's zone.
    var fixedTimeZone = false

    enum Section { case inbox, ticket, customers, admin, other }
}

/// The HTML document: head, top bar and main region. Scripts come as one module file, styles
/// as one sheet; nothing inline (the Content-Security-Policy forbids it).
enum Layout {
    static func page(_ frame: PageFrame, _ l: Localizer, main: (HTMLWriter) -> Void) -> String {
        let h = HTMLWriter(l)
        document(h, title: frame.title, csrf: frame.csrf, userId: frame.userId, fixedTimeZone: frame.fixedTimeZone) {
            h.tag("a", ["class": "skip", "href": "#main"]) { h.t("layout.skip") }
            h.tag("header", ["class": "topbar"]) {
                h.tag("a", ["class": "brand", "href": "/inbox"]) { h.t("app.name") }
                h.tag("nav", ["class": "sections", "aria-label": l.text("layout.sections")]) {
                    h.tag("a", ["href": "/inbox", "aria-current": frame.section == .inbox ? "page" : nil]) { h.t("layout.inbox") }
                    h.tag("a", ["href": "/contacts", "aria-current": frame.section == .customers ? "page" : nil]) { h.t("layout.customers") }
                    h.tag("a", ["href": "/macros"]) { h.t("layout.macros") }
                    if frame.canAdmin {
                        h.tag("a", ["href": "/admin/users", "aria-current": frame.section == .admin ? "page" : nil]) { h.t("layout.admin") }
                    }
                }
                h.tag("form", ["class": "search", "role": "search", "action": "/inbox", "method": "get"]) {
                    h.tag("label", ["for": "q", "class": "visually-hidden"]) { h.t("layout.search") }
                    h.void(
                        "input",
                        ["id": "q", "name": "q", "type": "search", "value": frame.query, "placeholder": l.text("layout.search.placeholder"),
                         "autocomplete": "off", "data-shortcut": "/"])
                }
                h.tag("nav", ["class": "account", "aria-label": l.text("layout.account")]) {
                    // The script shows the current availability and saves a change at once;
                    // without it the form posts like any other.
                    h.tag("form", ["class": "availability", "action": "/availability", "method": "post"]) {
                        h.void("input", ["type": "hidden", "name": "_csrf", "value": frame.csrf])
                        h.tag("label", ["for": "availability", "class": "visually-hidden"]) { h.t("layout.availability") }
                        h.tag("select", ["id": "availability", "name": "availability"]) {
                            for a in Availability.allCases { h.tag("option", ["value": a.rawValue]) { h.t("availability." + a.rawValue) } }
                        }
                        h.tag("button", ["type": "submit", "class": "link"]) { h.t("layout.set_availability") }
                    }
                    h.tag("a", ["class": "who", "href": "/profile"]) { h.text(frame.userName) }
                    h.tag("button", ["type": "button", "class": "link", "data-action": "shortcuts", "aria-keyshortcuts": "?"]) {
                        h.t("layout.shortcuts")
                    }
                    h.tag("form", ["action": "/sign-out", "method": "post"]) {
                        h.void("input", ["type": "hidden", "name": "_csrf", "value": frame.csrf])
                        h.tag("button", ["type": "submit", "class": "link"]) { h.t("layout.sign_out") }
                    }
                }
            }
            if frame.section == .admin { adminNav(h) }
            h.tag("main", ["id": "main", "tabindex": "-1"]) { main(h) }
            shortcutsDialog(h)
        }
        return h.output
    }

    /// A page without the top bar (sign-in).
    static func bare(title: String, _ l: Localizer, main: (HTMLWriter) -> Void) -> String {
        let h = HTMLWriter(l)
        document(h, title: title, csrf: nil, userId: nil) {
            h.tag("main", ["id": "main", "class": "bare"]) { main(h) }
        }
        return h.output
    }

    private static func document(
        _ h: HTMLWriter, title: String, csrf: String?, userId: Int64?, fixedTimeZone: Bool = false, body: () -> Void
    ) {
        h.trusted("<!doctype html>")
        h.tag("html", ["lang": h.l.language]) {
            h.tag("head") {
                h.void("meta", ["charset": "utf-8"])
                h.void("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
                h.void("meta", ["name": "color-scheme", "content": "light dark"])
                if let csrf { h.void("meta", ["name": "csrf-token", "content": csrf]) }
                if let userId { h.void("meta", ["name": "user-id", "content": String(userId)]) }
                h.tag("title") {
                    h.text(title)
                    h.text(" · ")
                    h.t("app.name")
                }
                h.void("link", ["rel": "stylesheet", "href": Assets.path("app.css")])
                h.tag("script", ["type": "module", "src": Assets.path("app.js")])
            }
            h.tag("body", ["data-time-zone": fixedTimeZone ? "fixed" : nil]) { body() }
        }
    }

    /// The admin pages, under the top bar on each of them.
    private static func adminNav(_ h: HTMLWriter) {
        h.tag("nav", ["class": "subnav", "aria-label": h.l.text("layout.admin")]) {
            for (path, key) in [
                ("/admin/users", "layout.staff"), ("/admin/teams", "layout.teams"), ("/admin/fields", "layout.fields"), ("/admin/types", "layout.types"),
                ("/admin/tags", "layout.tags"), ("/admin/service-levels", "layout.service_levels"), ("/admin/skills", "layout.skills"), ("/admin/automations", "layout.automations"), ("/admin/mailboxes", "layout.mailboxes"), ("/admin/mail-log", "layout.mail_log"),
                ("/admin/tokens", "layout.tokens"), ("/admin/audit", "layout.audit"),
            ] {
                h.tag("a", ["href": path]) { h.t(key) }
            }
        }
    }

    /// The list of keyboard shortcuts, opened with `?`.
    private static func shortcutsDialog(_ h: HTMLWriter) {
        h.tag("dialog", ["id": "shortcuts", "aria-labelledby": "shortcuts-title"]) {
            h.tag("h2", ["id": "shortcuts-title"]) { h.t("shortcuts.title") }
            h.tag("dl", ["class": "shortcuts"]) {
                for (key, label) in [
                    ("j / k", "shortcuts.move"), ("o / Enter", "shortcuts.open"), ("x", "shortcuts.select"),
                    ("a", "shortcuts.assign_me"), ("/", "shortcuts.search"), ("?", "shortcuts.help"),
                ] {
                    h.tag("dt") { h.tag("kbd") { h.text(key) } }
                    h.tag("dd") { h.t(label) }
                }
            }
            h.tag("form", ["method": "dialog"]) {
                h.tag("button", ["type": "submit"]) { h.t("common.close") }
            }
        }
    }
}
