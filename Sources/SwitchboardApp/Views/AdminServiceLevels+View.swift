import Foundation
import SwitchboardCore

/// Admin > Service levels: business hours, SLA policies (tried top to bottom) and the teams of
/// the escalation tiers.
struct AdminServiceLevelsModel {
    var hours: [BusinessHours]
    var policies: [SLAPolicy]
    var teams: [Team]
    var tierTeams: [Int64?]
    var tierError: String?
}

enum AdminServiceLevelsView {
    static func render(_ m: AdminServiceLevelsModel, frame: PageFrame, _ l: Localizer) -> String {
        Layout.page(frame, l) { h in
            h.tag("div", ["class": "page"]) {
                h.tag("h1") { h.t("sla.admin_title") }
                h.tag("p", ["class": "muted"]) { h.t("sla.admin_explain") }
                policies(h, m)
                hours(h, m)
                tiers(h, m, csrf: frame.csrf)
            }
        }
    }

    private static func policies(_ h: HTMLWriter, _ m: AdminServiceLevelsModel) {
        h.tag("section", ["aria-labelledby": "policies-title"]) {
            h.tag("h2", ["id": "policies-title"]) { h.t("sla.policies") }
            h.tag("p") { h.tag("a", ["href": "/admin/sla-policies/new", "class": "button"]) { h.t("sla.new_policy") } }
            if m.policies.isEmpty { h.tag("p", ["class": "muted"]) { h.t("sla.no_policies") } }
            else {
                h.tag("table", ["class": "grid"]) {
                    h.tag("thead") {
                        h.tag("tr") {
                            for key in ["sla.position", "sla.name", "sla.applies_to", "sla.targets", "sla.state"] { h.tag("th", ["scope": "col"]) { h.t(key) } }
                        }
                    }
                    h.tag("tbody") {
                        for policy in m.policies {
                            h.tag("tr") {
                                h.tag("td") { h.text(String(policy.position)) }
                                h.tag("td") { h.tag("a", ["href": "/admin/sla-policies/\(policy.id)"]) { h.text(policy.name) } }
                                h.tag("td") { h.text(conditions(policy.conditions, teams: m.teams, h.l)) }
                                h.tag("td") {
                                    h.text(SLAMetric.allCases.compactMap { metric in
                                        policy.targets[metric].map { h.l.text("sla.metric." + metric.rawValue) + " " + SLAView.duration(Double($0) * 60, h.l) }
                                    }.joined(separator: " · "))
                                }
                                h.tag("td") { h.t(policy.active ? "sla.active" : "sla.inactive") }
                            }
                        }
                    }
                }
            }
        }
    }

    /// "Urgent, High · Key account" or "every ticket".
    static func conditions(_ c: SLAConditions, teams: [Team], _ l: Localizer) -> String {
        var parts: [String] = []
        if let p = c.priorities { parts.append(p.map { l.text("priority." + $0.rawValue) }.joined(separator: ", ")) }
        if let t = c.types { parts.append(t.map { l.text("type." + $0.rawValue) }.joined(separator: ", ")) }
        if let t = c.tiers { parts.append(t.map { l.text("tier." + $0.rawValue) }.joined(separator: ", ")) }
        if let ch = c.channels { parts.append(ch.map { l.text("channel." + $0.rawValue) }.joined(separator: ", ")) }
        if let ids = c.teamIds { parts.append(teams.filter { ids.contains($0.id) }.map(\.name).joined(separator: ", ")) }
        return parts.isEmpty ? l.text("sla.every_ticket") : parts.joined(separator: " · ")
    }

    private static func hours(_ h: HTMLWriter, _ m: AdminServiceLevelsModel) {
        h.tag("section", ["aria-labelledby": "hours-title"]) {
            h.tag("h2", ["id": "hours-title"]) { h.t("sla.hours") }
            h.tag("p") { h.tag("a", ["href": "/admin/business-hours/new", "class": "button"]) { h.t("sla.new_hours") } }
            h.tag("table", ["class": "grid"]) {
                h.tag("thead") {
                    h.tag("tr") { for key in ["sla.name", "sla.time_zone", "sla.week"] { h.tag("th", ["scope": "col"]) { h.t(key) } } }
                }
                h.tag("tbody") {
                    for hours in m.hours {
                        h.tag("tr") {
                            h.tag("td") { h.tag("a", ["href": "/admin/business-hours/\(hours.id)"]) { h.text(hours.name) } }
                            h.tag("td") { h.text(hours.calendar.timeZone) }
                            h.tag("td") { h.text(AdminHoursView.summary(hours.calendar, h.l)) }
                        }
                    }
                }
            }
        }
    }

    private static func tiers(_ h: HTMLWriter, _ m: AdminServiceLevelsModel, csrf: String) {
        h.tag("section", ["aria-labelledby": "tiers-title"]) {
            h.tag("h2", ["id": "tiers-title"]) { h.t("sla.tiers") }
            h.tag("p", ["class": "muted"]) { h.t("sla.tiers_explain") }
            h.tag("form", ["method": "post", "action": "/admin/escalation-tiers", "class": "narrow"]) {
                h.csrfField(csrf)
                for (i, key) in ["sla.tier_1", "sla.tier_2"].enumerated() {
                    h.selectField(
                        "tier\(i + 1)", label: key, noneKey: "sla.no_tier_team", choices: m.teams.map { (String($0.id), $0.name) },
                        selected: m.tierTeams[i].map(String.init))
                }
                if let error = m.tierError { h.tag("p", ["class": "field-error", "role": "alert"]) { h.text(error) } }
                h.tag("button", ["type": "submit"]) { h.t("common.save") }
            }
        }
    }
}
