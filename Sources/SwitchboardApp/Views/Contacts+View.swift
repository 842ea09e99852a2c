import Foundation
import SwitchboardCore

/// The customer list (with search) and one customer's page.
struct ContactListModel {
    var query: String
    var contacts: [Contact]
    var organizations: [Int64: String]
    var nextAfter: Int64?
}

struct ContactPageModel {
    var contact: Contact
    var organization: Organization?
    var organizations: [Organization]
    var timeline: [(ticket: Ticket, message: Message)]
    var tickets: [Ticket]
    var draft: [String: String] = [:]
    var errors: [String: String] = [:]
    var timeZone: TimeZone
}

enum ContactsView {
    static func list(_ m: ContactListModel, frame: PageFrame, _ l: Localizer) -> String {
        Layout.page(frame, l) { h in
            h.tag("div", ["class": "page narrow"]) {
                h.tag("h1") { h.t("customers.title") }
                h.tag("form", ["method": "get", "action": "/contacts", "role": "search", "class": "inline"]) {
                    h.tag("div", ["class": "field"]) {
                        h.tag("label", ["for": "contact-q"]) { h.t("customers.search") }
                        h.void("input", ["id": "contact-q", "name": "q", "type": "search", "value": m.query])
                    }
                    h.tag("button", ["type": "submit"]) { h.t("customers.find") }
                }
                if m.contacts.isEmpty {
                    h.tag("p", ["class": "empty"]) { h.t("customers.none") }
                } else {
                    h.tag("table", ["class": "grid"]) {
                        h.tag("thead") {
                            h.tag("tr") {
                                for key in ["user.name", "user.email", "customers.phone", "customers.organization"] { h.tag("th", ["scope": "col"]) { h.t(key) } }
                            }
                        }
                        h.tag("tbody") {
                            for c in m.contacts {
                                h.tag("tr") {
                                    h.tag("td") { h.tag("a", ["href": "/contacts/\(c.id)"]) { h.text(c.name) } }
                                    h.tag("td") { h.text(c.emails.joined(separator: ", ")) }
                                    h.tag("td") { h.text(c.phones.joined(separator: ", ")) }
                                    h.tag("td") { h.text(c.organizationId.flatMap { m.organizations[$0] } ?? "") }
                                }
                            }
                        }
                    }
                }
                if let after = m.nextAfter {
                    h.tag("nav", ["class": "pager", "aria-label": h.l.text("inbox.pages")]) {
                        h.tag("a", ["rel": "next", "href": "/contacts?" + QueryString.encode([("q", m.query), ("after", String(after))])]) {
                            h.t("inbox.next_page")
                        }
                    }
                }
            }
        }
    }

    static func page(_ m: ContactPageModel, frame: PageFrame, _ l: Localizer) -> String {
        Layout.page(frame, l) { h in
            let c = m.contact
            h.tag("div", ["class": "ticket-page"]) {
                h.tag("article", ["aria-labelledby": "contact-title"]) {
                    h.tag("header", ["class": "ticket-head"]) {
                        h.tag("h1", ["id": "contact-title"]) { h.text(c.name) }
                        if let org = m.organization { h.tag("p", ["class": "muted"]) { h.text(org.name) } }
                    }
                    h.tag("h2") { h.t("customers.timeline") }
                    if m.timeline.isEmpty { h.tag("p", ["class": "muted"]) { h.t("customers.no_tickets") } }
                    h.tag("ol", ["class": "timeline"]) {
                        for (ticket, message) in m.timeline {
                            let note = message.visibility == .internal
                            h.tag("li", ["class": note ? "entry note" : "entry \(message.authorKind.rawValue)"]) {
                                h.tag("header") {
                                    h.tag("a", ["href": "/tickets/\(ticket.id)"]) { h.text("#\(ticket.number) \(ticket.subject)") }
                                    h.tag("span", ["class": "badge status-\(ticket.status.rawValue)"]) { h.t("status." + ticket.status.rawValue) }
                                    h.tag("time", ["datetime": RFC3339.string(message.createdAt)]) {
                                        h.text(h.l.dateTime(message.createdAt, timeZone: m.timeZone))
                                    }
                                }
                                h.tag("div", ["class": "body"]) { h.text(message.body) }
                            }
                        }
                    }
                }
                h.tag("aside", ["class": "sidebar"]) {
                    edit(h, m, csrf: frame.csrf)
                    merge(h, m, csrf: frame.csrf)
                }
            }
        }
    }

    private static func edit(_ h: HTMLWriter, _ m: ContactPageModel, csrf: String) {
        let c = m.contact
        h.tag("form", ["method": "post", "action": "/contacts/\(c.id)", "aria-label": h.l.text("customers.edit"), "novalidate": ""]) {
            h.csrfField(csrf)
            h.textField("name", label: "user.name", value: m.draft["name"] ?? c.name, error: m.errors["name"], required: true)
            h.textField(
                "emails", label: "customers.emails", value: m.draft["emails"] ?? c.emails.joined(separator: ", "), error: m.errors["emails"],
                hint: "customers.list_hint")
            h.textField(
                "phones", label: "customers.phones", value: m.draft["phones"] ?? c.phones.joined(separator: ", "), error: m.errors["phones"],
                hint: "customers.phone_hint")
            h.tag("div", ["class": "field"]) {
                h.tag("label", ["for": "organization_id"]) { h.t("customers.organization") }
                h.tag("select", ["id": "organization_id", "name": "organization_id"]) {
                    h.tag("option", ["value": ""]) { h.t("customers.no_organization") }
                    for org in m.organizations {
                        h.tag("option", ["value": String(org.id), "selected": org.id == c.organizationId ? "" : nil]) { h.text(org.name) }
                    }
                }
            }
            h.tag("button", ["type": "submit", "class": "primary"]) { h.t("common.save") }
        }
    }

    private static func merge(_ h: HTMLWriter, _ m: ContactPageModel, csrf: String) {
        h.tag("form", ["method": "post", "action": "/contacts/\(m.contact.id)/merge", "aria-label": h.l.text("customers.merge")]) {
            h.csrfField(csrf)
            h.textField(
                "merge_email", label: "customers.merge_from", value: m.draft["merge_email"], type: "email", error: m.errors["merge_email"],
                hint: "customers.merge_hint")
            h.tag("button", ["type": "submit"]) { h.t("customers.merge") }
        }
    }
}
