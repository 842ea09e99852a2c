import Foundation
import SwitchboardCore

/// The audit log for admins, newest first, with filters.
struct AuditLogModel {
    var events: [AuditEvent]
    var actors: [Int64: String]
    var entity: String
    var action: String
    var actorId: String
    /// The query for the next (older) page.
    var nextPage: String?
    var timeZone: TimeZone
}

enum AuditLogView {
    static func render(_ m: AuditLogModel, frame: PageFrame, _ l: Localizer) -> String {
        Layout.page(frame, l) { h in
            h.tag("div", ["class": "page"]) {
                h.tag("h1") { h.t("audit.title") }
                h.tag("form", ["class": "filters", "method": "get", "action": "/admin/audit", "aria-label": h.l.text("inbox.filters")]) {
                    h.tag("label", ["for": "audit-entity"]) { h.t("audit.entity") }
                    h.tag("select", ["id": "audit-entity", "name": "entity"]) {
                        h.tag("option", ["value": ""]) { h.t("audit.any") }
                        for entity in EntityType.allCases {
                            h.tag("option", ["value": entity.rawValue, "selected": m.entity == entity.rawValue ? "" : nil]) { h.t("entity." + entity.rawValue) }
                        }
                    }
                    h.tag("label", ["for": "audit-action"]) { h.t("audit.action") }
                    h.tag("select", ["id": "audit-action", "name": "action"]) {
                        h.tag("option", ["value": ""]) { h.t("audit.any") }
                        for action in Array(Set(DomainEventType.allCases.map(\.action))).sorted() {
                            h.tag("option", ["value": action, "selected": m.action == action ? "" : nil]) { h.t("history." + action) }
                        }
                    }
                    h.tag("label", ["for": "audit-actor"]) { h.t("audit.actor") }
                    h.tag("select", ["id": "audit-actor", "name": "actor"]) {
                        h.tag("option", ["value": ""]) { h.t("audit.any") }
                        for (id, name) in m.actors.sorted(by: { $0.value < $1.value }) {
                            h.tag("option", ["value": String(id), "selected": m.actorId == String(id) ? "" : nil]) { h.text(name) }
                        }
                    }
                    h.tag("button", ["type": "submit"]) { h.t("inbox.apply") }
                }
                h.tag("table", ["class": "grid audit"]) {
                    h.tag("thead") {
                        h.tag("tr") {
                            for key in ["audit.when", "audit.actor", "audit.entity", "audit.action", "audit.changes"] { h.tag("th", ["scope": "col"]) { h.t(key) } }
                        }
                    }
                    h.tag("tbody") {
                        for e in m.events {
                            h.tag("tr") {
                                h.tag("td") { h.tag("time", ["datetime": RFC3339.string(e.occurredAt)]) { h.text(h.l.dateTime(e.occurredAt, timeZone: m.timeZone)) } }
                                h.tag("td") {
                                    if e.actor.kind == .user, let id = e.actor.id { h.text(m.actors[id] ?? "#\(id)") } else { h.t("audit.actor_" + e.actor.kind.rawValue) }
                                }
                                h.tag("td") {
                                    h.t("entity." + e.entity.rawValue)
                                    h.text(" #\(e.entityId)")
                                }
                                h.tag("td") { h.t("history." + e.action) }
                                h.tag("td") {
                                    h.text(e.changes.prefix(6).map { "\($0.field): \($0.before.isEmpty ? "—" : $0.before) → \($0.after.isEmpty ? "—" : $0.after)" }.joined(separator: "; "))
                                }
                            }
                        }
                    }
                }
                if let next = m.nextPage {
                    h.tag("nav", ["class": "pager", "aria-label": h.l.text("inbox.pages")]) {
                        h.tag("a", ["rel": "next", "href": "/admin/audit?" + next]) { h.t("inbox.next_page") }
                    }
                }
            }
        }
    }
}
