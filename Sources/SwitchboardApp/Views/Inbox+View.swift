import Foundation
import SwitchboardCore

/// The inbox: views on the left with their counts, the ticket list with its filter bar.
enum InboxView {
    static func render(_ m: InboxModel, frame: PageFrame, _ l: Localizer) -> String {
        Layout.page(frame, l) { h in
            h.tag("div", ["class": "inbox"]) {
                rail(h, m)
                h.tag("section", ["class": "list", "aria-labelledby": "list-title"]) {
                    h.tag("div", ["class": "list-head"]) {
                        h.tag("h1", ["id": "list-title"]) { h.text(m.title) }
                        if let current = m.views.first(where: \.current) {
                            h.tag("p", ["class": "muted count-line"]) { h.plural("inbox.ticket_count", count: current.count) }
                        }
                        filters(h, m)
                    }
                    notice(h, m)
                    if m.rows.isEmpty {
                        h.tag("p", ["class": "empty"]) { h.t("inbox.empty") }
                    } else {
                        bulkBar(h, m, csrf: frame.csrf)
                        table(h, m)
                    }
                    saveView(h, m, csrf: frame.csrf)
                    if let next = m.nextPage {
                        h.tag("nav", ["class": "pager", "aria-label": l.text("inbox.pages")]) {
                            h.tag("a", ["href": "/inbox?" + next, "rel": "next"]) { h.t("inbox.next_page") }
                        }
                    }
                }
            }
        }
    }

    /// Keeps the current filters as a view of one's own (or shared).
    private static func saveView(_ h: HTMLWriter, _ m: InboxModel, csrf: String) {
        h.tag("details", ["class": "save-view", "open": m.viewError == nil ? nil : ""]) {
            h.tag("summary") { h.t("inbox.save_view") }
            h.tag("form", [
                "method": "post", "action": "/inbox/views?" + QueryString.encode(m.baseQuery), "class": "inline", "novalidate": "",
                "aria-label": h.l.text("inbox.save_view"),
            ]) {
                h.csrfField(csrf)
                h.tag("div", ["class": "field"]) {
                    h.tag("label", ["for": "view-name"]) { h.t("inbox.view_name") }
                    h.void("input", [
                        "id": "view-name", "name": "name", "required": "", "aria-invalid": m.viewError == nil ? nil : "true",
                        "aria-describedby": m.viewError == nil ? nil : "view-name-error",
                    ])
                    if let error = m.viewError { h.tag("p", ["class": "field-error", "id": "view-name-error"]) { h.text(error) } }
                }
                if m.canShareViews {
                    h.tag("label", ["for": "view-shared"]) {
                        h.void("input", ["type": "checkbox", "id": "view-shared", "name": "shared", "value": "true"])
                        h.text(" ")
                        h.t("inbox.view_shared")
                    }
                }
                h.tag("button", ["type": "submit"]) { h.t("inbox.save") }
            }
        }
    }

    private static func notice(_ h: HTMLWriter, _ m: InboxModel) {
        guard let done = m.bulkDone else { return }
        h.tag("div", ["class": "notice", "role": "status"]) {
            h.tag("p") { h.plural("inbox.bulk_done", count: done) }
            if let failed = m.bulkFailed {
                h.tag("p", ["class": "error"]) {
                    h.t("inbox.bulk_failed")
                    h.text(" " + failed)
                }
            }
        }
    }

    /// Changes for every selected ticket; the checkboxes in the table belong to this form.
    private static func bulkBar(_ h: HTMLWriter, _ m: InboxModel, csrf: String) {
        h.tag("form", ["id": "bulk", "class": "bulk", "method": "post", "action": "/inbox/bulk", "aria-label": h.l.text("inbox.bulk")]) {
            h.csrfField(csrf)
            h.void("input", ["type": "hidden", "name": "return_to", "value": m.here])
            h.tag("label", ["for": "bulk-assignee"]) { h.t("ticket.assignee") }
            h.tag("select", ["id": "bulk-assignee", "name": "assignee"]) {
                h.tag("option", ["value": ""]) { h.t("inbox.bulk_keep") }
                h.tag("option", ["value": "me"]) { h.t("inbox.bulk_me") }
                h.tag("option", ["value": "none"]) { h.t("ticket.unassigned") }
                for agent in m.agents { h.tag("option", ["value": String(agent.id)]) { h.text(agent.name) } }
            }
            h.tag("label", ["for": "bulk-status"]) { h.t("ticket.status") }
            h.tag("select", ["id": "bulk-status", "name": "status"]) {
                h.tag("option", ["value": ""]) { h.t("inbox.bulk_keep") }
                for s in TicketStatus.allCases where s != .new { h.tag("option", ["value": s.rawValue]) { h.t("status." + s.rawValue) } }
            }
            h.tag("label", ["for": "bulk-priority"]) { h.t("ticket.priority") }
            h.tag("select", ["id": "bulk-priority", "name": "priority"]) {
                h.tag("option", ["value": ""]) { h.t("inbox.bulk_keep") }
                for p in TicketPriority.allCases { h.tag("option", ["value": p.rawValue]) { h.t("priority." + p.rawValue) } }
            }
            h.tag("label", ["for": "bulk-tags"]) { h.t("inbox.bulk_tags") }
            h.void("input", ["id": "bulk-tags", "name": "add_tags", "size": "12"])
            h.tag("button", ["type": "submit", "name": "action", "value": "apply"]) { h.t("inbox.bulk_apply") }
            h.tag("button", ["type": "submit", "name": "action", "value": "merge"]) { h.t("inbox.bulk_merge") }
        }
    }

    private static func rail(_ h: HTMLWriter, _ m: InboxModel) {
        h.tag("nav", ["class": "rail", "aria-label": h.l.text("inbox.views")]) {
            h.tag("ul") {
                for view in m.views {
                    h.tag("li") {
                        h.tag("a", ["href": "/inbox?view=" + view.key, "aria-current": view.current ? "page" : nil]) {
                            h.tag("span", ["class": "name"]) {
                                if let key = view.labelKey { h.t(key) } else { h.text(view.name) }
                            }
                            h.tag("span", ["class": "count", "data-view-count": view.key]) { h.text(h.l.number(view.count)) }
                        }
                    }
                }
            }
        }
    }

    private static func filters(_ h: HTMLWriter, _ m: InboxModel) {
        h.tag("form", ["class": "filters", "method": "get", "action": "/inbox", "aria-label": h.l.text("inbox.filters")]) {
            for (key, value) in m.baseQuery where !["status", "priority", "sort", "q"].contains(key) {
                h.void("input", ["type": "hidden", "name": key, "value": value])
            }
            if !m.query.isEmpty { h.void("input", ["type": "hidden", "name": "q", "value": m.query]) }
            select(h, id: "filter-status", name: "status", label: "ticket.status", any: "inbox.any_status",
                   options: TicketStatus.allCases.map { ($0.rawValue, "status." + $0.rawValue) },
                   selected: m.statusFilter.count == 1 ? m.statusFilter[0].rawValue : nil)
            select(h, id: "filter-priority", name: "priority", label: "ticket.priority", any: "inbox.any_priority",
                   options: TicketPriority.allCases.map { ($0.rawValue, "priority." + $0.rawValue) },
                   selected: m.priorityFilter.count == 1 ? m.priorityFilter[0].rawValue : nil)
            select(h, id: "filter-sort", name: "sort", label: "inbox.sort", any: nil,
                   options: [("-updated_at", "sort.updated_desc"), ("updated_at", "sort.updated_asc"), ("-created_at", "sort.created_desc"),
                             ("-priority", "sort.priority_desc"), ("-number", "sort.number_desc")],
                   selected: m.sort)
            h.tag("button", ["type": "submit"]) { h.t("inbox.apply") }
        }
    }

    private static func select(
        _ h: HTMLWriter, id: String, name: String, label: String, any: String?, options: [(String, String)], selected: String?
    ) {
        h.tag("label", ["for": id]) { h.t(label) }
        h.tag("select", ["id": id, "name": name]) {
            if let any { h.tag("option", ["value": ""]) { h.t(any) } }
            for (value, key) in options {
                h.tag("option", ["value": value, "selected": selected == value ? "" : nil]) { h.t(key) }
            }
        }
    }

    private static func table(_ h: HTMLWriter, _ m: InboxModel) {
        SLAView.words(h)
        h.tag("table", ["class": "tickets", "data-list": ""]) {
            h.tag("thead") {
                h.tag("tr") {
                    h.tag("th", ["scope": "col", "class": "pick"]) {
                        h.tag("span", ["class": "visually-hidden"]) { h.t("inbox.select") }
                    }
                    for key in ["ticket.number", "ticket.subject", "ticket.requester", "ticket.status", "ticket.priority",
                                "ticket.sla", "ticket.assignee", "ticket.team", "ticket.updated"] {
                        h.tag("th", ["scope": "col"]) { h.t(key) }
                    }
                }
            }
            h.tag("tbody") {
                for row in m.rows {
                    h.tag("tr", ["data-ticket": String(row.id), "data-href": "/tickets/\(row.id)"]) {
                        h.tag("td", ["class": "pick"]) {
                            h.void("input", ["type": "checkbox", "name": "ticket[]", "form": "bulk", "value": String(row.id),
                                             "aria-label": h.l.text("inbox.select_ticket", ["number": String(row.number)])])
                        }
                        h.tag("td", ["class": "number"]) { h.text("#\(row.number)") }
                        h.tag("td", ["class": "subject"]) {
                            h.tag("a", ["href": "/tickets/\(row.id)"]) { h.text(row.subject) }
                        }
                        h.tag("td") { h.text(row.requester) }
                        h.tag("td") { h.tag("span", ["class": "badge status-\(row.status.rawValue)"]) { h.t("status." + row.status.rawValue) } }
                        h.tag("td") { h.tag("span", ["class": "priority-\(row.priority.rawValue)"]) { h.t("priority." + row.priority.rawValue) } }
                        h.tag("td") { SLAView.cell(h, row.sla, now: m.now) }
                        h.tag("td") { if let a = row.assignee { h.text(a) } else { h.tag("span", ["class": "muted"]) { h.t("ticket.unassigned") } } }
                        h.tag("td") { if let t = row.team { h.text(t) } }
                        h.tag("td") {
                            h.tag("time", ["datetime": RFC3339.string(row.updatedAt)]) { h.text(h.l.dateTime(row.updatedAt, timeZone: m.timeZone)) }
                        }
                    }
                }
            }
        }
    }
}
