import Foundation
import SwitchboardCore

/// Admin > Automations: the rules in order, each on or off, and a form for a new one or to
/// change one, with conditions that must all hold and conditions of which one must, and
/// actions; a dry run shows which tickets it would touch.
struct AdminAutomationsModel {
    struct Row {
        var field = ""
        var op = ""
        var value = ""
        /// "all" (must hold) or "any" (one of these must hold).
        var list = "all"
    }

    struct ActionRow {
        var kind = ""
        var value = ""
        var subject = ""
        var body = ""
        /// A webhook's signing secret; left blank when changing a rule, the one it had stays.
        var secret = ""
    }

    /// The most condition rows and action rows the form has.
    static let maxRows = 12

    var rules: [AutomationRule] = []
    var name = ""
    var kind = "trigger"
    var events: Set<String> = ["created"]
    var conditions = Array(repeating: Row(), count: 4)
    var actions = Array(repeating: ActionRow(), count: 4)
    var errors: [String: String] = [:]
    /// The rule the form changes (nil: a new one), and whether it is on.
    var editing: Int64?
    var active = true
    /// Set after a dry run: how many of how many tickets, and a few of them.
    var dryRun: (checked: Int, matched: Int, tickets: [String])?

    init() {}

    /// The form filled in from `rule`, to change it.
    init(editing rule: AutomationRule) {
        (name, kind, events, editing, active) = (rule.name, rule.kind.rawValue, Set(rule.events.map(\.rawValue)), rule.id, rule.active)
        conditions = rule.all.map { Self.row($0, list: "all") } + rule.any.map { Self.row($0, list: "any") }
        actions = rule.actions.map { action in
            ActionRow(
                kind: action.kind.rawValue,
                value: action.kind == .webhook ? action.url ?? ""
                    : [.addTags, .removeTags].contains(action.kind) ? action.tags.joined(separator: ", ") : AdminAutomationsView.display(action.value, none: ""),
                subject: action.subject ?? "", body: action.body ?? "")
        }
        trimRows()
    }

    private static func row(_ c: AutomationCondition, list: String) -> Row {
        let value: String =
            if case .array(let items)? = c.value { items.map { AdminAutomationsView.display($0, none: "") }.joined(separator: ", ") }
            else { AdminAutomationsView.display(c.value, none: c.value == .null ? "none" : "") }
        return Row(field: c.field.rawValue, op: c.op.rawValue, value: value, list: list)
    }

    /// The rows in use first, then two empty ones to add more (at least four of each).
    mutating func trimRows() {
        conditions = conditions.filter { !$0.field.isEmpty }
        actions = actions.filter { !$0.kind.isEmpty }
        let (conditionRows, actionRows) = (min(Self.maxRows, max(4, conditions.count + 2)), min(Self.maxRows, max(4, actions.count + 2)))
        while conditions.count < conditionRows { conditions.append(Row()) }
        while actions.count < actionRows { actions.append(ActionRow()) }
    }
}

enum AdminAutomationsView {
    static func render(_ m: AdminAutomationsModel, frame: PageFrame, _ l: Localizer) -> String {
        Layout.page(frame, l) { h in
            h.tag("div", ["class": "page"]) {
                h.tag("h1") { h.t("automations.title") }
                h.tag("p", ["class": "muted"]) { h.t("automations.explain") }
                list(h, m, csrf: frame.csrf)
                form(h, m, csrf: frame.csrf)
            }
        }
    }

    private static func list(_ h: HTMLWriter, _ m: AdminAutomationsModel, csrf: String) {
        if m.rules.isEmpty { h.tag("p", ["class": "muted"]) { h.t("automations.none") } }
        else {
            h.tag("table", ["class": "grid"]) {
                h.tag("thead") {
                    h.tag("tr") {
                        for key in ["automations.name", "automations.kind", "automations.summary", "sla.state", "common.actions"] {
                            h.tag("th", ["scope": "col"]) { h.t(key) }
                        }
                    }
                }
                h.tag("tbody") {
                    for rule in m.rules {
                        h.tag("tr") {
                            h.tag("td") { h.text(rule.name) }
                            h.tag("td") { h.t("automations.kind_" + rule.kind.rawValue) }
                            h.tag("td") {
                                h.text((rule.all + rule.any).map { "\($0.field.rawValue) \($0.op.rawValue) \(display($0.value))" }.joined(separator: "; "))
                                h.text(" → ")
                                h.text(rule.actions.map { $0.kind.rawValue }.joined(separator: ", "))
                            }
                            h.tag("td") { h.t(rule.active ? "sla.active" : "sla.inactive") }
                            h.tag("td") {
                                h.tag("a", ["href": "/admin/automations/\(rule.id)", "aria-label": h.l.text("automations.edit_named", ["name": rule.name])]) {
                                    h.t("automations.edit")
                                }
                                h.text(" ")
                                h.tag("form", ["method": "post", "action": "/admin/automations/\(rule.id)/toggle", "class": "inline"]) {
                                    h.csrfField(csrf)
                                    h.tag("button", ["type": "submit", "aria-label": h.l.text(rule.active ? "automations.turn_off_named" : "automations.turn_on_named", ["name": rule.name])]) {
                                        h.t(rule.active ? "types.turn_off" : "types.turn_on")
                                    }
                                }
                                h.tag("form", ["method": "post", "action": "/admin/automations/\(rule.id)/delete", "class": "inline"]) {
                                    h.csrfField(csrf)
                                    h.tag("button", ["type": "submit", "class": "danger", "aria-label": h.l.text("automations.delete_named", ["name": rule.name])]) {
                                        h.t("automations.delete")
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func display(_ value: JSONValue?, none: String = "—") -> String {
        switch value {
        case .string(let s)?: s
        case .number(let n)?: n == n.rounded() ? String(Int64(n)) : String(n)
        case .null?, nil: none
        default: ""
        }
    }

    private static func form(_ h: HTMLWriter, _ m: AdminAutomationsModel, csrf: String) {
        h.tag("section", ["class": "card", "aria-labelledby": "new-rule", "id": "rule-form"]) {
            h.tag("h2", ["id": "new-rule"]) { h.t(m.editing == nil ? "automations.new" : "automations.change") }
            if let error = m.errors["form"] { h.tag("p", ["class": "field-error", "role": "alert"]) { h.text(error) } }
            h.tag("form", ["method": "post", "action": m.editing.map { "/admin/automations/\($0)" } ?? "/admin/automations"]) {
                h.csrfField(csrf)
                h.textField("name", label: "automations.name", value: m.name, error: m.errors["name"], required: true)
                h.selectField(
                    "kind", label: "automations.kind", options: [("trigger", "automations.kind_trigger"), ("time_rule", "automations.kind_time_rule")],
                    selected: m.kind, error: m.errors["kind"])
                h.tag("fieldset", ["class": "choices"]) {
                    h.tag("legend") { h.t("automations.events") }
                    for event in AutomationRule.Event.allCases {
                        h.tag("label") {
                            h.void("input", ["type": "checkbox", "name": "events[]", "value": event.rawValue, "checked": m.events.contains(event.rawValue) ? "" : nil])
                            h.text(" ")
                            h.t("automations.event_" + event.rawValue)
                        }
                    }
                    if let error = m.errors["events"] { h.tag("p", ["class": "field-error"]) { h.text(error) } }
                }
                h.tag("fieldset") {
                    h.tag("legend") { h.t("automations.conditions") }
                    h.tag("p", ["class": "hint"]) { h.t("automations.conditions_hint") }
                    for (i, row) in m.conditions.enumerated() {
                        h.tag("div", ["class": "row-fields", "role": "group", "aria-label": h.l.text("automations.condition_n", ["n": String(i + 1)])]) {
                            h.selectField(
                                "c\(i)_field", label: "automations.field",
                                options: [("", "automations.unused")] + AutomationCondition.Field.allCases.map { ($0.rawValue, "automations.field_" + $0.rawValue) },
                                selected: row.field)
                            h.selectField(
                                "c\(i)_op", label: "automations.operator",
                                options: AutomationCondition.Operator.allCases.map { ($0.rawValue, "automations.op_" + $0.rawValue) }, selected: row.op)
                            h.textField("c\(i)_value", label: "automations.value", value: row.value, error: m.errors["c\(i)"])
                            h.selectField(
                                "c\(i)_list", label: "automations.match", options: [("all", "automations.match_all"), ("any", "automations.match_any")],
                                selected: row.list)
                        }
                    }
                }
                h.tag("fieldset") {
                    h.tag("legend") { h.t("automations.actions") }
                    h.tag("p", ["class": "hint"]) { h.t("automations.actions_hint") }
                    for (i, row) in m.actions.enumerated() {
                        h.tag("div", ["class": "row-fields", "role": "group", "aria-label": h.l.text("automations.action_n", ["n": String(i + 1)])]) {
                            h.selectField(
                                "a\(i)_kind", label: "automations.action",
                                options: [("", "automations.unused")] + AutomationAction.Kind.allCases.map { ($0.rawValue, "automations.action_" + $0.rawValue) },
                                selected: row.kind)
                            h.textField("a\(i)_value", label: "automations.value", value: row.value, error: m.errors["a\(i)"])
                            h.textField("a\(i)_subject", label: "automations.subject", value: row.subject)
                            h.tag("div", ["class": "field"]) {
                                h.tag("label", ["for": "a\(i)_secret"]) { h.t("automations.secret") }
                                h.void("input", [
                                    "type": "password", "id": "a\(i)_secret", "name": "a\(i)_secret", "autocomplete": "off",
                                    "placeholder": m.editing == nil ? nil : h.l.text("automations.secret_kept"),
                                ])
                            }
                            h.tag("div", ["class": "field"]) {
                                h.tag("label", ["for": "a\(i)_body"]) { h.t("automations.body") }
                                h.tag("textarea", ["id": "a\(i)_body", "name": "a\(i)_body", "rows": "2"]) { h.text(row.body) }
                            }
                        }
                    }
                }
                h.tag("div", ["class": "buttons"]) {
                    if m.editing != nil { h.tag("a", ["href": "/admin/automations"]) { h.t("macros.cancel") } }
                    h.tag("button", ["type": "submit", "name": "dry_run", "value": "1"]) { h.t("automations.dry_run") }
                    h.tag("button", ["type": "submit", "class": "primary"]) { h.t(m.editing == nil ? "automations.create" : "macros.save") }
                }
            }
            if let run = m.dryRun {
                h.tag("div", ["class": "notice", "role": "status", "id": "dry-run"]) {
                    h.tag("p") { h.t("automations.dry_run_result", ["matched": String(run.matched), "checked": String(run.checked)]) }
                    if !run.tickets.isEmpty {
                        h.tag("ul") { for t in run.tickets { h.tag("li") { h.text(t) } } }
                    }
                }
            }
        }
    }
}
