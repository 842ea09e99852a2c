import Foundation
import SwitchboardCore

/// The ticket page's side conversations: each thread with its people and messages, a reply
/// form while open, and a form to ask colleagues in a new one.
enum SideConversationView {
    static func section(_ h: HTMLWriter, _ m: TicketPageModel, userId: Int64, csrf: String) {
        let t = m.ticket
        h.tag("section", ["class": "side-conversations", "aria-labelledby": "side-title"]) {
            h.tag("h2", ["id": "side-title"]) { h.t("ticket.side_conversations") }
            for conversation in m.sideConversations { thread(h, conversation, m, csrf: csrf) }
            guard t.status != .closed else { return }
            start(h, m, userId: userId, csrf: csrf)
        }
    }

    private static func thread(_ h: HTMLWriter, _ c: SideConversation, _ m: TicketPageModel, csrf: String) {
        h.tag("details", ["class": "side-thread", "id": "side-\(c.id)", "open": c.status == .open ? "" : nil]) {
            h.tag("summary") {
                h.text(c.subject)
                h.tag("span", ["class": "side-status"]) { h.t("ticket.side_status_\(c.status.rawValue)") }
            }
            let names = c.memberIds.map { m.staffNames[$0] ?? "—" }.joined(separator: ", ")
            h.tag("p", ["class": "side-members"]) { h.t("ticket.side_with", ["names": names]) }
            h.tag("ol", ["class": "side-messages"]) {
                for entry in c.entries {
                    h.tag("li") {
                        h.tag("p", ["class": "meta"]) {
                            h.tag("strong") { h.text(entry.authorId.flatMap { m.staffNames[$0] } ?? "—") }
                            h.tag("time", ["datetime": RFC3339.string(entry.createdAt)]) { h.text(h.l.dateTime(entry.createdAt, timeZone: m.timeZone)) }
                        }
                        h.tag("div", ["class": "body"]) { h.text(entry.body) }
                    }
                }
            }
            if c.status == .open {
                h.tag("form", ["method": "post", "action": "/side-conversations/\(c.id)/messages"]) {
                    h.csrfField(csrf)
                    h.tag("label", ["for": "side-reply-\(c.id)"]) { h.t("ticket.side_reply") }
                    h.tag("textarea", ["id": "side-reply-\(c.id)", "name": "body", "rows": "2", "required": ""]) {}
                    h.tag("button", ["type": "submit"]) { h.t("ticket.side_reply_button") }
                }
            }
            h.tag("form", ["method": "post", "action": "/side-conversations/\(c.id)/status", "class": "inline"]) {
                h.csrfField(csrf)
                h.void("input", ["type": "hidden", "name": "status", "value": c.status == .open ? "closed" : "open"])
                h.tag("button", ["type": "submit", "class": "secondary"]) { h.t(c.status == .open ? "ticket.side_close" : "ticket.side_reopen") }
            }
        }
    }

    private static func start(_ h: HTMLWriter, _ m: TicketPageModel, userId: Int64, csrf: String) {
        let error = m.errors["side"]
        h.tag("details", ["class": "escalate", "open": error == nil ? nil : ""]) {
            h.tag("summary") { h.t("ticket.side_start") }
            h.tag("form", ["method": "post", "action": "/tickets/\(m.ticket.id)/side-conversations", "aria-label": h.l.text("ticket.side_start")]) {
                h.csrfField(csrf)
                h.tag("label", ["for": "side-subject"]) { h.t("ticket.side_subject") }
                h.void("input", ["id": "side-subject", "name": "subject", "required": "", "maxlength": "250", "value": m.sideDraft.subject])
                h.tag("label", ["for": "side-members"]) { h.t("ticket.side_members") }
                h.tag("select", ["id": "side-members", "name": "member_ids[]", "multiple": "", "size": "4"]) {
                    for agent in m.agents where agent.id != userId { h.tag("option", ["value": String(agent.id)]) { h.text(agent.name) } }
                }
                h.tag("label", ["for": "side-body"]) { h.t("ticket.side_message") }
                h.tag("textarea", [
                    "id": "side-body", "name": "body", "rows": "3", "required": "", "aria-invalid": error == nil ? nil : "true",
                    "aria-describedby": error == nil ? nil : "side-error",
                ]) { h.text(m.sideDraft.body) }
                if let error { h.tag("p", ["class": "field-error", "id": "side-error", "role": "alert"]) { h.text(error) } }
                h.tag("button", ["type": "submit"]) { h.t("ticket.side_start_button") }
            }
        }
    }
}
