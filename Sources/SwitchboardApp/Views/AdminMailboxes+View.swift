import Foundation
import SwitchboardCore
import SwitchboardStore

/// The mailboxes page: the list, and the form that adds one or changes one.
struct AdminMailboxesModel {
    var mailboxes: [SupportMailbox] = []
    var teams: [Team] = []
    /// The mailbox being changed (nil: adding one).
    var editing: SupportMailbox?
    var draft: [String: String] = [:]
    var errors: [String: String] = [:]
}

enum AdminMailboxesView {
    static func render(_ m: AdminMailboxesModel, frame: PageFrame, _ l: Localizer) -> String {
        Layout.page(frame, l) { h in
            h.tag("div", ["class": "page narrow"]) {
                h.tag("h1") { h.t("mailboxes.title") }
                h.tag("p", ["class": "muted"]) { h.t("mailboxes.explain") }
                if m.editing == nil { list(h, m) }
                form(h, m, csrf: frame.csrf)
            }
        }
    }

    private static func list(_ h: HTMLWriter, _ m: AdminMailboxesModel) {
        if m.mailboxes.isEmpty {
            h.tag("p", ["class": "muted"]) { h.t("mailboxes.none") }
            return
        }
        let teams = Dictionary(m.teams.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        h.tag("table", ["class": "grid"]) {
            h.tag("thead") {
                h.tag("tr") {
                    for key in ["mailboxes.name", "mailboxes.address", "ticket.team", "mailboxes.inbound", "mailboxes.outbound", "user.state"] {
                        h.tag("th", ["scope": "col"]) { h.t(key) }
                    }
                }
            }
            h.tag("tbody") {
                for box in m.mailboxes {
                    h.tag("tr") {
                        h.tag("td") { h.tag("a", ["href": "/admin/mailboxes/\(box.id)"]) { h.text(box.name) } }
                        h.tag("td") { h.text(box.address) }
                        h.tag("td") { h.text(box.teamId.flatMap { teams[$0] } ?? "—") }
                        h.tag("td") {
                            if let imap = box.imap { h.t("mailboxes.imap_at", ["host": imap.host]) } else { h.t("mailboxes.mailgate_only") }
                        }
                        h.tag("td") {
                            if let smtp = box.smtp { h.t("mailboxes.smtp_at", ["host": smtp.host]) } else { h.t("mailboxes.no_outbound") }
                        }
                        h.tag("td") { h.t(box.active ? "user.active" : "user.inactive") }
                    }
                }
            }
        }
    }

    private static func form(_ h: HTMLWriter, _ m: AdminMailboxesModel, csrf: String) {
        let box = m.editing
        func value(_ key: String, _ current: String?) -> String { m.draft[key] ?? current ?? "" }
        let security = MailSecurity.allCases.map { ($0.rawValue, "mailboxes.security_" + $0.rawValue) }
        h.tag("section", ["class": "card", "aria-labelledby": "mailbox-form"]) {
            h.tag("h2", ["id": "mailbox-form"]) { h.t(box == nil ? "mailboxes.new" : "mailboxes.edit") }
            h.tag("form", ["method": "post", "action": box.map { "/admin/mailboxes/\($0.id)" } ?? "/admin/mailboxes", "novalidate": ""]) {
                h.csrfField(csrf)
                h.textField("name", label: "mailboxes.name", value: value("name", box?.name), error: m.errors["name"], required: true)
                h.textField("address", label: "mailboxes.address", value: value("address", box?.address), type: "email", error: m.errors["address"], required: true)
                h.textField("from_name", label: "mailboxes.from_name", value: value("from_name", box?.fromName), error: m.errors["from_name"])
                h.selectField(
                    "team_id", label: "ticket.team", noneKey: "ticket.no_team", choices: m.teams.map { (String($0.id), $0.name) },
                    selected: m.draft["team_id"] ?? box?.teamId.map(String.init), error: m.errors["team_id"])
                h.tag("div", ["class": "field"]) {
                    h.tag("label", ["for": "signature"]) { h.t("mailboxes.signature") }
                    h.tag("textarea", ["id": "signature", "name": "signature", "rows": "3"]) { h.text(value("signature", box?.signature)) }
                }
                h.tag("div", ["class": "field"]) {
                    h.tag("label", ["for": "acknowledgement"]) { h.t("mailboxes.acknowledgement") }
                    h.tag("textarea", ["id": "acknowledgement", "name": "acknowledgement", "rows": "3", "aria-describedby": "acknowledgement-hint"]) {
                        h.text(value("acknowledgement", box?.acknowledgement))
                    }
                    h.tag("p", ["class": "hint", "id": "acknowledgement-hint"]) { h.t("mailboxes.acknowledgement_hint") }
                }
                h.tag("fieldset", ["class": "choices"]) {
                    h.tag("legend") { h.t("mailboxes.imap") }
                    h.tag("p", ["class": "hint"]) { h.t("mailboxes.imap_hint") }
                    h.textField("imap_host", label: "mailboxes.host", value: value("imap_host", box?.imap?.host), error: m.errors["imap.host"])
                    h.textField("imap_port", label: "mailboxes.port", value: value("imap_port", box?.imap.map { String($0.port) }), type: "number", error: m.errors["imap.port"])
                    h.selectField("imap_security", label: "mailboxes.security", options: security, selected: m.draft["imap_security"] ?? box?.imap?.security.rawValue)
                    h.textField("imap_username", label: "mailboxes.username", value: value("imap_username", box?.imap?.username), error: m.errors["imap.username"], autocomplete: "off")
                    h.textField("imap_password", label: "mailboxes.password", value: nil, type: "password", autocomplete: "new-password",
                                hint: box?.imap?.password.isEmpty == false ? "mailboxes.password_kept" : nil)
                    h.textField("imap_folder", label: "mailboxes.folder", value: value("imap_folder", box?.imap?.folder ?? "INBOX"), error: m.errors["imap.folder"])
                    h.textField("imap_move_to", label: "mailboxes.move_to", value: value("imap_move_to", box?.imap?.moveTo), hint: "mailboxes.move_to_hint")
                }
                h.tag("fieldset", ["class": "choices"]) {
                    h.tag("legend") { h.t("mailboxes.smtp") }
                    h.textField("smtp_host", label: "mailboxes.host", value: value("smtp_host", box?.smtp?.host), error: m.errors["smtp.host"])
                    h.textField("smtp_port", label: "mailboxes.port", value: value("smtp_port", box?.smtp.map { String($0.port) }), type: "number", error: m.errors["smtp.port"])
                    h.selectField("smtp_security", label: "mailboxes.security", options: security, selected: m.draft["smtp_security"] ?? box?.smtp?.security.rawValue ?? "starttls")
                    h.textField("smtp_username", label: "mailboxes.username", value: value("smtp_username", box?.smtp?.username), autocomplete: "off")
                    h.textField("smtp_password", label: "mailboxes.password", value: nil, type: "password", autocomplete: "new-password",
                                hint: box?.smtp?.password?.isEmpty == false ? "mailboxes.password_kept" : nil)
                }
                h.tag("label", ["for": "active"]) {
                    h.void("input", ["type": "checkbox", "id": "active", "name": "active", "value": "true",
                                     "checked": (m.draft["active"] ?? (box?.active ?? true ? "true" : "")) == "true" ? "" : nil])
                    h.text(" ")
                    h.t("mailboxes.active")
                }
                h.tag("button", ["type": "submit", "class": "primary"]) { h.t(box == nil ? "mailboxes.create" : "common.save") }
            }
        }
    }
}

/// The mail log: what came in and went out, and what became of it; unreadable mail can be
/// downloaded as it arrived.
enum AdminMailLogView {
    static func render(_ entries: [MailLogEntry], mailboxes: [Int64: String], outcome: InboundOutcome?, frame: PageFrame, timeZone: TimeZone, _ l: Localizer) -> String {
        Layout.page(frame, l) { h in
            h.tag("div", ["class": "page"]) {
                h.tag("h1") { h.t("maillog.title") }
                h.tag("form", ["method": "get", "action": "/admin/mail-log", "class": "filters"]) {
                    h.selectField(
                        "outcome", label: "maillog.outcome", noneKey: "maillog.all",
                        choices: [InboundOutcome.created, .appended, .duplicate, .ownAddress, .bounce, .failed, .rateLimited, .sent].map { ($0.rawValue, l.text("maillog.outcome_" + $0.rawValue)) },
                        selected: outcome?.rawValue)
                    h.tag("button", ["type": "submit"]) { h.t("common.filter") }
                }
                if entries.isEmpty {
                    h.tag("p", ["class": "muted"]) { h.t("maillog.none") }
                    return
                }
                h.tag("table", ["class": "grid"]) {
                    h.tag("thead") {
                        h.tag("tr") {
                            for key in ["maillog.when", "maillog.mailbox", "maillog.sender", "maillog.outcome", "maillog.ticket", "maillog.raw"] {
                                h.tag("th", ["scope": "col"]) { h.t(key) }
                            }
                        }
                    }
                    h.tag("tbody") {
                        for e in entries {
                            h.tag("tr") {
                                h.tag("td") { h.tag("time", ["datetime": RFC3339.string(e.createdAt)]) { h.text(l.dateTime(e.createdAt, timeZone: timeZone)) } }
                                h.tag("td") { h.text(mailboxes[e.mailboxId] ?? "—") }
                                h.tag("td") { h.text(e.sender ?? "—") }
                                h.tag("td") {
                                    h.t("maillog.outcome_" + e.outcome.rawValue)
                                    if !e.problems.isEmpty { h.tag("span", ["class": "muted"]) { h.text(" — " + e.problems.joined(separator: "; ")) } }
                                }
                                h.tag("td") {
                                    if let ticket = e.ticketId { h.tag("a", ["href": "/tickets/\(ticket)"]) { h.text("#\(ticket)") } } else { h.text("—") }
                                }
                                h.tag("td") {
                                    if e.rawSHA256 != nil {
                                        h.tag("a", ["href": "/admin/mail-log/\(e.id)/raw", "download": ""]) { h.t("maillog.download") }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
