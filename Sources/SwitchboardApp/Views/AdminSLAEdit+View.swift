import Foundation
import SwitchboardCore

/// One business-hours calendar, new or existing: a time zone, hours per weekday written as
/// `09:00-17:30, 18:00-20:00`, and holidays one date a line.
struct AdminHoursModel {
    var id: Int64?
    var name = ""
    var timeZone = "UTC"
    /// Monday first, as typed.
    var days = Array(repeating: "", count: 7)
    var holidays = ""
    var errors: [String: String] = [:]
}

enum AdminHoursView {
    static let dayKeys = ["day.monday", "day.tuesday", "day.wednesday", "day.thursday", "day.friday", "day.saturday", "day.sunday"]

    /// A day's intervals as typed: `09:00-17:30, 18:00-20:00`.
    static func text(_ day: [BusinessCalendar.Interval]) -> String {
        day.map { BusinessCalendar.Interval.clock($0.start) + "-" + BusinessCalendar.Interval.clock($0.end) }.joined(separator: ", ")
    }

    /// "Mon 09:00-17:30 · Tue …", closed days left out.
    static func summary(_ calendar: BusinessCalendar, _ l: Localizer) -> String {
        calendar.week.enumerated().filter { !$0.element.isEmpty }.map { l.text(dayKeys[$0.offset] + "_short") + " " + text($0.element) }
            .joined(separator: " · ")
    }

    static func render(_ m: AdminHoursModel, frame: PageFrame, _ l: Localizer) -> String {
        Layout.page(frame, l) { h in
            h.tag("div", ["class": "page narrow"]) {
                h.tag("p") { h.tag("a", ["href": "/admin/service-levels"]) { h.t("sla.back") } }
                h.tag("h1") { m.id == nil ? h.t("sla.new_hours") : h.text(m.name) }
                h.tag("form", ["method": "post", "action": m.id.map { "/admin/business-hours/\($0)" } ?? "/admin/business-hours"]) {
                    h.csrfField(frame.csrf)
                    h.textField("name", label: "sla.name", value: m.name, error: m.errors["name"], required: true)
                    h.selectField(
                        "time_zone", label: "sla.time_zone", noneKey: "sla.choose_zone",
                        choices: TimeZone.knownTimeZoneIdentifiers.sorted().map { ($0, $0) }, selected: m.timeZone, error: m.errors["time_zone"])
                    h.tag("fieldset") {
                        h.tag("legend") { h.t("sla.week") }
                        h.tag("p", ["class": "hint", "id": "days-hint"]) { h.t("sla.days_hint") }
                        for (i, key) in dayKeys.enumerated() {
                            h.textField("day\(i)", label: key, value: m.days[i], error: m.errors["day\(i)"])
                        }
                        if let error = m.errors["week"] { h.tag("p", ["class": "field-error", "role": "alert"]) { h.text(error) } }
                    }
                    h.tag("div", ["class": "field"]) {
                        h.tag("label", ["for": "holidays"]) { h.t("sla.holidays") }
                        h.tag("textarea", [
                            "id": "holidays", "name": "holidays", "rows": "4", "aria-describedby": "holidays-hint",
                            "aria-invalid": m.errors["holidays"] == nil ? nil : "true",
                        ]) { h.text(m.holidays) }
                        h.tag("p", ["class": "hint", "id": "holidays-hint"]) { h.t("sla.holidays_hint") }
                        if let error = m.errors["holidays"] { h.tag("p", ["class": "field-error"]) { h.text(error) } }
                    }
                    h.tag("button", ["type": "submit", "class": "primary"]) { h.t("common.save") }
                }
                if let id = m.id {
                    h.tag("form", ["method": "post", "action": "/admin/business-hours/\(id)/delete"]) {
                        h.csrfField(frame.csrf)
                        if let error = m.errors["delete"] { h.tag("p", ["class": "field-error", "role": "alert"]) { h.text(error) } }
                        h.tag("button", ["type": "submit", "class": "danger"]) { h.t("sla.delete_hours") }
                    }
                }
            }
        }
    }
}

/// One SLA policy, new or existing, with its escalations and empty rows to add more.
struct AdminPolicyModel {
    struct EscalationRow {
        var metric = ""
        var when = ""
        var minutes = ""
        var actions: Set<String> = []
        var team = ""
    }

    var id: Int64?
    var name = ""
    var position = ""
    var active = true
    var calendarId = ""
    var checked: [String: Set<String>] = [:]
    var targets: [SLAMetric: String] = [:]
    var escalations = Array(repeating: EscalationRow(), count: 3)

    /// The most escalation rows a form shows.
    static let maxEscalations = SLAPolicy.maxEscalations + 2

    /// Two empty rows after the escalations (at least three rows), to add more.
    mutating func addEmptyEscalationRows() {
        while let last = escalations.last, last.when.isEmpty, escalations.count > 1, escalations.dropLast().last?.when.isEmpty == true {
            escalations.removeLast()
        }
        let wanted = min(Self.maxEscalations, max(3, escalations.filter { !$0.when.isEmpty }.count + 2))
        while escalations.count < wanted { escalations.append(EscalationRow()) }
    }
    var hours: [BusinessHours] = []
    var teams: [Team] = []
    var errors: [String: String] = [:]
}

enum AdminPolicyView {
    static func render(_ m: AdminPolicyModel, frame: PageFrame, _ l: Localizer) -> String {
        Layout.page(frame, l) { h in
            h.tag("div", ["class": "page narrow"]) {
                h.tag("p") { h.tag("a", ["href": "/admin/service-levels"]) { h.t("sla.back") } }
                h.tag("h1") { m.id == nil ? h.t("sla.new_policy") : h.text(m.name) }
                if let error = m.errors["form"] { h.tag("p", ["class": "field-error", "role": "alert"]) { h.text(error) } }
                h.tag("form", ["method": "post", "action": m.id.map { "/admin/sla-policies/\($0)" } ?? "/admin/sla-policies"]) {
                    h.csrfField(frame.csrf)
                    h.textField("name", label: "sla.name", value: m.name, error: m.errors["name"], required: true)
                    h.textField("position", label: "sla.position", value: m.position, type: "number", error: m.errors["position"], hint: "sla.position_hint")
                    h.tag("label") {
                        h.void("input", ["type": "checkbox", "name": "active", "value": "on", "checked": m.active ? "" : nil])
                        h.text(" ")
                        h.t("sla.active")
                    }
                    h.selectField(
                        "calendar_id", label: "sla.hours", noneKey: "sla.around_the_clock", choices: m.hours.map { (String($0.id), $0.name) },
                        selected: m.calendarId, error: m.errors["calendar_id"])
                    conditions(h, m)
                    h.tag("fieldset") {
                        h.tag("legend") { h.t("sla.targets") }
                        h.tag("p", ["class": "hint"]) { h.t("sla.targets_hint") }
                        for metric in SLAMetric.allCases {
                            h.textField(
                                "target_" + metric.rawValue, label: "sla.metric." + metric.rawValue, value: m.targets[metric], type: "number",
                                error: m.errors["targets." + metric.rawValue] ?? (metric == .firstResponse ? m.errors["targets"] : nil))
                        }
                    }
                    group(h, "pause_on", legend: "sla.pause_on", options: [("pending", "status.pending"), ("on_hold", "status.on_hold")], m)
                    escalations(h, m)
                    h.tag("button", ["type": "submit", "class": "primary"]) { h.t("common.save") }
                }
                if let id = m.id {
                    h.tag("form", ["method": "post", "action": "/admin/sla-policies/\(id)/delete"]) {
                        h.csrfField(frame.csrf)
                        h.tag("button", ["type": "submit", "class": "danger"]) { h.t("sla.delete_policy") }
                    }
                }
            }
        }
    }

    private static func conditions(_ h: HTMLWriter, _ m: AdminPolicyModel) {
        h.tag("fieldset") {
            h.tag("legend") { h.t("sla.applies_to") }
            h.tag("p", ["class": "hint"]) { h.t("sla.conditions_hint") }
            group(h, "priority", legend: "ticket.priority", options: TicketPriority.allCases.map { ($0.rawValue, "priority." + $0.rawValue) }, m)
            group(h, "type", legend: "ticket.type", options: TicketType.allCases.map { ($0.rawValue, "type." + $0.rawValue) }, m)
            group(h, "tier", legend: "sla.tier", options: OrganizationTier.allCases.map { ($0.rawValue, "tier." + $0.rawValue) }, m)
            group(h, "channel", legend: "sla.channel", options: ChannelKind.allCases.map { ($0.rawValue, "channel." + $0.rawValue) }, m)
            h.tag("fieldset", ["class": "choices"]) {
                h.tag("legend") { h.t("ticket.team") }
                for team in m.teams {
                    h.tag("label") {
                        h.void("input", [
                            "type": "checkbox", "name": "team[]", "value": String(team.id),
                            "checked": m.checked["team", default: []].contains(String(team.id)) ? "" : nil,
                        ])
                        h.text(" " + team.name)
                    }
                }
            }
            if let error = m.errors["conditions"] { h.tag("p", ["class": "field-error", "role": "alert"]) { h.text(error) } }
        }
    }

    /// Checkboxes named `name[]` whose labels are catalogue keys.
    private static func group(_ h: HTMLWriter, _ name: String, legend: String, options: [(String, String)], _ m: AdminPolicyModel) {
        h.tag("fieldset", ["class": "choices"]) {
            h.tag("legend") { h.t(legend) }
            for (value, key) in options {
                h.tag("label") {
                    h.void("input", [
                        "type": "checkbox", "name": name + "[]", "value": value, "checked": m.checked[name, default: []].contains(value) ? "" : nil,
                    ])
                    h.text(" ")
                    h.t(key)
                }
            }
            if let error = m.errors[name] { h.tag("p", ["class": "field-error"]) { h.text(error) } }
        }
    }

    private static func escalations(_ h: HTMLWriter, _ m: AdminPolicyModel) {
        h.tag("fieldset") {
            h.tag("legend") { h.t("sla.escalations") }
            h.tag("p", ["class": "hint"]) { h.t("sla.escalations_hint") }
            for (i, row) in m.escalations.enumerated() {
                let prefix = "escalations[\(i)]"  // errors are keyed by row
                let input = "esc\(i)_"
                h.tag("fieldset", ["class": "escalation"]) {
                    h.tag("legend") { h.t("sla.escalation_n", ["n": String(i + 1)]) }
                    h.selectField(
                        input + "when", label: "sla.when",
                        options: [("", "sla.when_never"), ("at_risk", "sla.when_at_risk"), ("breached", "sla.when_breached")], selected: row.when,
                        error: m.errors["\(prefix).when"])
                    h.textField(input + "minutes", label: "sla.minutes_before", value: row.minutes, type: "number", error: m.errors["\(prefix).minutes_before"])
                    h.selectField(
                        input + "metric", label: "sla.metric",
                        options: [("", "sla.any_metric")] + SLAMetric.allCases.map { ($0.rawValue, "sla.metric." + $0.rawValue) }, selected: row.metric,
                        error: m.errors["\(prefix).metric"])
                    h.tag("fieldset", ["class": "choices"]) {
                        h.tag("legend") { h.t("sla.actions") }
                        for action in SLAEscalation.Action.allCases {
                            h.tag("label") {
                                h.void("input", [
                                    "type": "checkbox", "name": input + "actions[]", "value": action.rawValue,
                                    "checked": row.actions.contains(action.rawValue) ? "" : nil,
                                ])
                                h.text(" ")
                                h.t("sla.action." + action.rawValue)
                            }
                        }
                        if let error = m.errors["\(prefix).actions"] { h.tag("p", ["class": "field-error"]) { h.text(error) } }
                    }
                    h.selectField(
                        input + "team", label: "sla.move_team", noneKey: "ticket.no_team", choices: m.teams.map { (String($0.id), $0.name) },
                        selected: row.team, error: m.errors["\(prefix).team_id"])
                }
            }
        }
    }
}
