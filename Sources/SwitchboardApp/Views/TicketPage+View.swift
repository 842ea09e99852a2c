import Foundation
import SwitchboardCore
import SwitchboardMail

/// One ticket: its fields (editable), the timeline, the composer, and the requester.
enum TicketPageView {
    static func render(_ m: TicketPageModel, frame: PageFrame, _ l: Localizer) -> String {
        Layout.page(frame, l) { h in
            let t = m.ticket
            h.tag("div", ["class": "ticket-page", "data-ticket": String(t.id), "data-version": String(t.version)]) {
                h.tag("article", ["class": "conversation", "aria-labelledby": "ticket-title"]) {
                    h.tag("header", ["class": "ticket-head"]) {
                        h.tag("p", ["class": "number"]) { h.text("#\(t.number)") }
                        h.tag("h1", ["id": "ticket-title"]) { h.text(t.subject) }
                        SLAView.header(h, t, now: m.now, timeZone: m.timeZone)
                        follow(h, m, userId: frame.userId, csrf: frame.csrf)
                        h.tag("p", ["class": "presence", "id": "presence", "aria-live": "polite"])
                    }
                    if let other = m.staleBy { stale(h, other) }
                    timeline(h, m, csrf: frame.csrf)
                    composer(h, m, csrf: frame.csrf)
                    history(h, m)
                }
                h.tag("aside", ["class": "sidebar"]) {
                    fields(h, m, csrf: frame.csrf)
                    escalate(h, m, csrf: frame.csrf)
                    transfer(h, m, csrf: frame.csrf)
                    SideConversationView.section(h, m, userId: frame.userId, csrf: frame.csrf)
                    requester(h, m)
                    links(h, m, csrf: frame.csrf)
                    merge(h, m, csrf: frame.csrf)
                }
            }
        }
    }

    private static func stale(_ h: HTMLWriter, _ current: Ticket) {
        h.tag("div", ["class": "notice", "role": "alert", "id": "stale"]) {
            h.tag("p") { h.t("ticket.stale", ["version": String(current.version)]) }
            h.tag("a", ["href": "/tickets/\(current.id)"]) { h.t("ticket.reload") }
        }
    }

    /// A message's text, with quoted history and signature folded behind a toggle (never
    /// removed), and, for mail that came with HTML, its original formatting in a sandboxed frame.
    private static func body(_ h: HTMLWriter, _ message: Message, ticketId: Int64, html: Bool) {
        let (main, folded) = QuotedHistory.split(message.body)
        h.tag("div", ["class": "body"]) { h.text(main) }
        if !folded.isEmpty {
            h.tag("details", ["class": "quoted"]) {
                h.tag("summary") { h.t("ticket.show_quoted") }
                h.tag("div", ["class": "body"]) { h.text(folded) }
            }
        }
        if html {
            let frame = "html-\(message.id)"
            let source = "/tickets/\(ticketId)/messages/\(message.id)/html"
            h.tag("details", ["class": "original"]) {
                h.tag("summary") { h.t("ticket.original_formatting") }
                h.tag("iframe", [
                    "src": source, "name": frame, "title": h.l.text("ticket.original_formatting"), "loading": "lazy",
                    "sandbox": "allow-popups allow-popups-to-escape-sandbox", "referrerpolicy": "no-referrer",
                ]) {}
                h.tag("a", ["href": source + "?images=1", "target": frame]) { h.t("ticket.show_images") }
            }
        }
    }

    private static func timeline(_ h: HTMLWriter, _ m: TicketPageModel, csrf: String) {
        h.tag("h2", ["class": "visually-hidden"]) { h.t("ticket.timeline") }
        h.tag("ol", ["class": "timeline"]) {
            var pending = m.events[...]
            for (index, entry) in m.entries.enumerated() {
                while let event = pending.first, event.at < entry.message.createdAt {
                    timelineEvent(h, event, timeZone: m.timeZone)
                    pending = pending.dropFirst()
                }
                let message = entry.message
                let note = message.visibility == .internal
                h.tag("li", ["class": note ? "entry note" : "entry \(message.authorKind.rawValue)", "id": "message-\(message.id)"]) {
                    h.tag("header") {
                        h.tag("strong") { h.text(entry.author) }
                        h.tag("span", ["class": "kind"]) { h.t(note ? "ticket.internal_note" : "ticket.public_reply") }
                        h.tag("time", ["datetime": RFC3339.string(message.createdAt)]) {
                            h.text(h.l.dateTime(message.createdAt, timeZone: m.timeZone))
                        }
                        if index > 0, m.ticket.status != .closed, message.authorKind != .system {
                            h.tag("form", ["method": "post", "action": "/tickets/\(m.ticket.id)/split", "class": "split"]) {
                                h.csrfField(csrf)
                                h.void("input", ["type": "hidden", "name": "message_id", "value": String(message.id)])
                                h.tag("button", ["type": "submit", "class": "link"]) { h.t("ticket.split") }
                            }
                        }
                    }
                    body(h, message, ticketId: m.ticket.id, html: m.htmlMessages.contains(message.id))
                    if let files = m.attachments[message.id], !files.isEmpty {
                        h.tag("ul", ["class": "files", "aria-label": h.l.text("ticket.attachments")]) {
                            for file in files {
                                h.tag("li") {
                                    let name = file.filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
                                    h.tag("a", ["href": "/attachments/\(file.id)/\(name)", "download": ""]) { h.text(file.filename) }
                                    h.text(" ")
                                    h.tag("span", ["class": "muted"]) { h.t("ticket.kilobytes", ["size": h.l.number(Int((file.size + 1023) / 1024))]) }
                                }
                            }
                        }
                    }
                }
            }
            for event in pending { timelineEvent(h, event, timeZone: m.timeZone) }
        }
    }

    /// A missed target, an escalation or an automation, between the messages.
    private static func timelineEvent(_ h: HTMLWriter, _ event: TicketPageModel.TimelineEvent, timeZone: TimeZone) {
        h.tag("li", ["class": "entry event"]) {
            h.tag("header") {
                h.tag("strong") { h.text(event.actor) }
                h.tag("time", ["datetime": RFC3339.string(event.at)]) { h.text(h.l.dateTime(event.at, timeZone: timeZone)) }
            }
            h.tag("p") {
                let metric = event.metric.map { h.l.text("sla.metric." + $0.rawValue) } ?? ""
                switch event.kind {
                case .breached: h.t("timeline.breached", ["metric": metric])
                case .escalated:
                    let level = event.level ?? 0
                    let tier = level > 0 ? h.l.text("sla.tier_\(min(level, 2))") : ""
                    // Where the escalation handed the ticket on, to whom.
                    if event.metric == nil {
                        h.t("timeline.escalated_by_agent", ["tier": tier])
                    } else if event.nextTier, level > 0 {
                        h.t("timeline.escalated", ["metric": metric, "tier": tier])
                    } else {
                        h.t("timeline.escalated_notice", ["metric": metric])
                    }
                case .automated: h.t("timeline.automated", ["name": event.name ?? ""])
                }
            }
        }
    }

    /// The audit log of the ticket, folded away until asked for.
    private static func history(_ h: HTMLWriter, _ m: TicketPageModel) {
        h.tag("details", ["class": "history", "id": "history"]) {
            h.tag("summary") { h.t("ticket.history") }
            h.tag("ol") {
                for item in m.history.reversed() {
                    h.tag("li") {
                        h.tag("time", ["datetime": RFC3339.string(item.at)]) { h.text(h.l.dateTime(item.at, timeZone: m.timeZone)) }
                        h.text(" ")
                        h.tag("strong") { h.text(item.actor) }
                        h.text(" ")
                        h.t("history." + item.action)
                        if !item.changes.isEmpty {
                            h.tag("ul", ["class": "changes"]) {
                                for change in item.changes {
                                    h.tag("li") {
                                        h.tag("code") { h.text(change.field) }
                                        h.text(": \(change.before.isEmpty ? "—" : change.before) → \(change.after.isEmpty ? "—" : change.after)")
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Choosing a macro: its field changes apply, its reply lands in the composer below.
    private static func macros(_ h: HTMLWriter, _ m: TicketPageModel, csrf: String) {
        guard !m.macros.isEmpty, m.ticket.status != .closed else { return }
        h.tag("form", ["class": "macros", "method": "post", "action": "/tickets/\(m.ticket.id)/macro", "aria-label": h.l.text("macros.apply_form")]) {
            h.csrfField(csrf)
            h.void("input", ["type": "hidden", "name": "version", "value": String(m.ticket.version)])
            h.tag("label", ["for": "macro_id"]) { h.t("macros.macro") }
            h.tag("select", ["id": "macro_id", "name": "macro_id"]) {
                for macro in m.macros { h.tag("option", ["value": String(macro.id)]) { h.text(macro.name) } }
            }
            h.tag("button", ["type": "submit"]) { h.t("macros.apply") }
        }
    }

    private static func composer(_ h: HTMLWriter, _ m: TicketPageModel, csrf: String) {
        macros(h, m, csrf: csrf)
        let closed = m.ticket.status == .closed
        h.tag("form", [
            "class": "composer", "method": "post", "action": "/tickets/\(m.ticket.id)/messages", "enctype": "multipart/form-data",
            "aria-label": h.l.text("ticket.composer"),
        ]) {
            h.void("input", ["type": "hidden", "name": "_csrf", "value": csrf])
            h.tag("fieldset", ["class": "kind"]) {
                h.tag("legend", ["class": "visually-hidden"]) { h.t("ticket.message_kind") }
                for (value, key) in [("reply", "ticket.reply"), ("note", "ticket.note")] {
                    let checked = (value == "note") == (m.draftKind == .internal)
                    h.tag("label") {
                        h.void("input", ["type": "radio", "name": "kind", "value": value, "checked": checked ? "" : nil])
                        h.t(key)
                    }
                }
            }
            h.tag("label", ["for": "body", "class": "visually-hidden"]) { h.t("ticket.message") }
            h.tag("textarea", [
                "id": "body", "name": "body", "rows": "5", "required": "", "disabled": closed ? "" : nil,
                "aria-invalid": m.errors["body"] == nil ? nil : "true", "aria-describedby": m.errors["body"] == nil ? nil : "body-error",
            ]) { h.text(m.draft) }
            if let error = m.errors["body"] { h.tag("p", ["class": "field-error", "id": "body-error"]) { h.text(error) } }
            h.tag("div", ["class": "field"]) {
                h.tag("label", ["for": "files"]) { h.t("ticket.attach") }
                h.void("input", [
                    "type": "file", "id": "files", "name": "files[]", "multiple": "", "disabled": closed ? "" : nil,
                    "aria-invalid": m.errors["files"] == nil ? nil : "true", "aria-describedby": m.errors["files"] == nil ? nil : "files-error",
                ])
                if let error = m.errors["files"] { h.tag("p", ["class": "field-error", "id": "files-error", "role": "alert"]) { h.text(error) } }
            }
            h.tag("button", ["type": "submit", "class": "primary", "disabled": closed ? "" : nil]) { h.t("ticket.send") }
        }
    }

    private static func fields(_ h: HTMLWriter, _ m: TicketPageModel, csrf: String) {
        let t = m.ticket
        h.tag("form", ["class": "fields", "method": "post", "action": "/tickets/\(t.id)", "aria-label": h.l.text("ticket.fields")]) {
            h.void("input", ["type": "hidden", "name": "_csrf", "value": csrf])
            h.void("input", ["type": "hidden", "name": "version", "value": String(t.version)])
            let statuses = [t.status] + TicketStatus.allCases.filter { t.status.allowedTargets.contains($0) }
            h.selectField(
                "status", label: "ticket.status", options: statuses.map { ($0.rawValue, "status." + $0.rawValue) }, selected: t.status.rawValue,
                error: m.errors["status"])
            h.selectField(
                "priority", label: "ticket.priority", options: TicketPriority.allCases.map { ($0.rawValue, "priority." + $0.rawValue) },
                selected: t.priority.rawValue, error: m.errors["priority"])
            h.selectField(
                "type", label: "ticket.type", options: m.types.map { ($0.rawValue, "type." + $0.rawValue) }, selected: t.type.rawValue,
                error: m.errors["type"])
            named(h, "assignee_id", "ticket.assignee", m.agents, t.assigneeId, none: "ticket.unassigned", m.errors)
            named(h, "team_id", "ticket.team", m.teams, t.teamId, none: "ticket.no_team", m.errors)
            h.textField("tags", label: "ticket.tags", value: t.tags.joined(separator: ", "), error: m.errors["tags"], hint: "ticket.tags_hint")
            h.customFieldInputs(m.customFields, values: t.customFields, errors: m.errors)
            h.tag("button", ["type": "submit"]) { h.t("ticket.save") }
        }
    }

    /// Handing the ticket to another department's team, with a note.
    private static func transfer(_ h: HTMLWriter, _ m: TicketPageModel, csrf: String) {
        let t = m.ticket
        let others = m.teams.filter { $0.id != t.teamId }
        guard t.status != .closed, !others.isEmpty else { return }
        h.tag("details", ["class": "escalate", "open": m.errors["transfer"] == nil ? nil : ""]) {
            h.tag("summary") { h.t("ticket.transfer") }
            h.tag("form", ["method": "post", "action": "/tickets/\(t.id)/transfer", "aria-label": h.l.text("ticket.transfer")]) {
                h.csrfField(csrf)
                h.void("input", ["type": "hidden", "name": "version", "value": String(t.version)])
                h.tag("div", ["class": "field"]) {
                    h.tag("label", ["for": "transfer-team"]) { h.t("ticket.transfer_team") }
                    h.tag("select", ["id": "transfer-team", "name": "team_id"]) {
                        for team in others { h.tag("option", ["value": String(team.id)]) { h.text(team.name) } }
                    }
                }
                h.tag("label", ["for": "transfer-note"]) { h.t("ticket.transfer_note") }
                h.tag("textarea", [
                    "id": "transfer-note", "name": "note", "rows": "3", "required": "", "aria-invalid": m.errors["transfer"] == nil ? nil : "true",
                    "aria-describedby": m.errors["transfer"] == nil ? nil : "transfer-error",
                ]) { h.text(m.transferDraft) }
                if let error = m.errors["transfer"] { h.tag("p", ["class": "field-error", "id": "transfer-error", "role": "alert"]) { h.text(error) } }
                h.tag("button", ["type": "submit"]) { h.t("ticket.transfer_button") }
            }
        }
    }

    /// Handing the ticket to the next tier, with the reason as an internal note.
    private static func escalate(_ h: HTMLWriter, _ m: TicketPageModel, csrf: String) {
        let t = m.ticket
        guard t.status.isUnsolved, t.escalationLevel < 2 else { return }
        h.tag("details", ["class": "escalate", "open": m.errors["note"] == nil ? nil : ""]) {
            h.tag("summary") { h.t("ticket.escalate_to_\(t.escalationLevel + 1)") }
            h.tag("form", ["method": "post", "action": "/tickets/\(t.id)/escalate"]) {
                h.csrfField(csrf)
                h.void("input", ["type": "hidden", "name": "version", "value": String(t.version)])
                h.tag("label", ["for": "escalate-note"]) { h.t("ticket.escalate_note") }
                h.tag("textarea", [
                    "id": "escalate-note", "name": "note", "rows": "3", "aria-invalid": m.errors["note"] == nil ? nil : "true",
                    "aria-describedby": m.errors["note"] == nil ? nil : "escalate-error",
                ]) {}
                if let error = m.errors["note"] { h.tag("p", ["class": "field-error", "id": "escalate-error", "role": "alert"]) { h.text(error) } }
                h.tag("button", ["type": "submit"]) { h.t("ticket.escalate") }
            }
        }
    }

    private static func named(
        _ h: HTMLWriter, _ name: String, _ label: String, _ options: [TicketPageModel.Option], _ selected: Int64?, none: String,
        _ errors: [String: String]
    ) {
        h.tag("div", ["class": "field"]) {
            h.tag("label", ["for": name]) { h.t(label) }
            h.tag("select", ["id": name, "name": name, "aria-invalid": errors[name] == nil ? nil : "true"]) {
                h.tag("option", ["value": "", "selected": selected == nil ? "" : nil]) { h.t(none) }
                for option in options {
                    h.tag("option", ["value": String(option.id), "selected": option.id == selected ? "" : nil]) { h.text(option.name) }
                }
            }
            if let error = errors[name] { h.tag("p", ["class": "field-error"]) { h.text(error) } }
        }
    }

    private static func follow(_ h: HTMLWriter, _ m: TicketPageModel, userId: Int64, csrf: String) {
        let following = m.ticket.followerIds.contains(userId)
        h.tag("form", ["method": "post", "action": "/tickets/\(m.ticket.id)/follow", "class": "follow"]) {
            h.csrfField(csrf)
            h.void("input", ["type": "hidden", "name": "following", "value": following ? "false" : "true"])
            h.tag("button", ["type": "submit", "aria-pressed": following ? "true" : "false"]) { h.t("ticket.follow") }
        }
    }

    private static func links(_ h: HTMLWriter, _ m: TicketPageModel, csrf: String) {
        h.tag("section", ["class": "links", "aria-labelledby": "links-title"]) {
            h.tag("h2", ["id": "links-title"]) { h.t("ticket.links") }
            if !m.links.isEmpty {
                h.tag("ul", ["class": "others"]) {
                    for link in m.links {
                        h.tag("li") {
                            h.tag("span", ["class": "muted"]) { h.t("link." + link.kind.rawValue) }
                            h.text(" ")
                            h.tag("a", ["href": "/tickets/\(link.other.id)"]) { h.text("#\(link.other.number) \(link.other.subject)") }
                        }
                    }
                }
            }
            h.tag("form", ["method": "post", "action": "/tickets/\(m.ticket.id)/links", "aria-label": h.l.text("ticket.add_link")]) {
                h.csrfField(csrf)
                h.selectField(
                    "link_kind", label: "ticket.link_kind",
                    options: [TicketLinkKind.related, .parent, .child].map { ($0.rawValue, "link." + $0.rawValue) }, selected: "related")
                h.textField("link_target", label: "ticket.link_target", value: nil, error: m.errors["link_target"])
                h.tag("button", ["type": "submit"]) { h.t("ticket.add_link") }
            }
        }
    }

    private static func merge(_ h: HTMLWriter, _ m: TicketPageModel, csrf: String) {
        guard m.ticket.status != .closed else { return }
        h.tag("form", ["class": "merge", "method": "post", "action": "/tickets/\(m.ticket.id)/merge", "aria-label": h.l.text("ticket.merge")]) {
            h.csrfField(csrf)
            h.textField(
                "merge_target", label: "ticket.merge_into", value: m.mergeDraft, error: m.errors["merge_target"], hint: "ticket.merge_hint")
            h.tag("button", ["type": "submit"]) { h.t("ticket.merge") }
        }
    }

    private static func requester(_ h: HTMLWriter, _ m: TicketPageModel) {
        h.tag("section", ["class": "requester", "aria-labelledby": "requester-title"]) {
            h.tag("h2", ["id": "requester-title"]) { h.t("ticket.requester") }
            if let c = m.requester {
                h.tag("p", ["class": "name"]) { h.tag("a", ["href": "/contacts/\(c.id)"]) { h.text(c.name) } }
                for email in c.emails {
                    h.tag("p", ["class": "muted"]) { h.text(email) }
                    if let at = m.bounced[email] {
                        h.tag("p", ["class": "warning", "role": "note"]) {
                            h.t("ticket.bounced", ["date": h.l.dateTime(at, timeZone: m.timeZone)])
                        }
                    }
                }
                for phone in c.phones { h.tag("p", ["class": "muted"]) { h.text(phone) } }
            }
            if let org = m.organization { h.tag("p") { h.text(org) } }
            if !m.otherTickets.isEmpty {
                h.tag("h3") { h.t("ticket.other_tickets") }
                h.tag("ul", ["class": "others"]) {
                    for other in m.otherTickets {
                        h.tag("li") {
                            h.tag("a", ["href": "/tickets/\(other.id)"]) { h.text("#\(other.number) \(other.subject)") }
                            h.text(" ")
                            h.tag("span", ["class": "badge status-\(other.status.rawValue)"]) { h.t("status." + other.status.rawValue) }
                        }
                    }
                }
            }
        }
    }
}
