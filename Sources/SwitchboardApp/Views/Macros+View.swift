import Foundation
import SwitchboardCore

/// The macros page: the ones the agent may use, most used first, and a form for a new one
/// (personal, or for a team or everyone when allowed) with a reply per language.
struct MacrosModel {
    var macros: [Macro]
    var teams: [Team]
    var userId: Int64
    var canShare: Bool
    var draft: [String: String] = [:]
    var errors: [String: String] = [:]
    /// The macro the form changes; nil for a new one.
    var editing: Int64?

    static let languages = ["en", "uk", "pl", "ru", "el"]
}

enum MacrosView {
    static func render(_ m: MacrosModel, frame: PageFrame, _ l: Localizer) -> String {
        Layout.page(frame, l) { h in
            h.tag("div", ["class": "page narrow"]) {
                h.tag("h1") { h.t("macros.title") }
                h.tag("p", ["class": "muted"]) { h.t("macros.explain") }
                if m.macros.isEmpty { h.tag("p", ["class": "muted"]) { h.t("macros.none") } }
                else {
                    h.tag("table", ["class": "grid"]) {
                        h.tag("thead") {
                            h.tag("tr") { for key in ["macros.name", "macros.scope", "macros.used", "common.actions"] { h.tag("th", ["scope": "col"]) { h.t(key) } } }
                        }
                        h.tag("tbody") {
                            for macro in m.macros {
                                h.tag("tr") {
                                    h.tag("td") { h.text(macro.name) }
                                    h.tag("td") {
                                        if macro.ownerId != nil { h.t("macros.personal") }
                                        else if let team = macro.teamId { h.text(m.teams.first { $0.id == team }?.name ?? "#\(team)") }
                                        else { h.t("macros.shared") }
                                    }
                                    h.tag("td") { h.text(h.l.number(macro.usageCount)) }
                                    h.tag("td") {
                                        if macro.ownerId == m.userId || (macro.ownerId == nil && m.canShare) {
                                            h.tag("a", ["href": "/macros/\(macro.id)/edit", "aria-label": h.l.text("macros.edit_named", ["name": macro.name])]) {
                                                h.t("macros.edit")
                                            }
                                            h.text(" ")
                                            h.tag("form", ["method": "post", "action": "/macros/\(macro.id)/delete", "class": "inline"]) {
                                                h.csrfField(frame.csrf)
                                                h.tag("button", ["type": "submit", "class": "danger", "aria-label": h.l.text("macros.delete_named", ["name": macro.name])]) {
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
                form(h, m, csrf: frame.csrf)
            }
        }
    }

    private static func form(_ h: HTMLWriter, _ m: MacrosModel, csrf: String) {
        h.tag("section", ["class": "card", "aria-labelledby": "new-macro"]) {
            h.tag("h2", ["id": "new-macro"]) { h.t(m.editing == nil ? "macros.new" : "macros.change") }
            if let error = m.errors["form"] { h.tag("p", ["class": "field-error", "role": "alert"]) { h.text(error) } }
            h.tag("form", ["method": "post", "action": m.editing.map { "/macros/\($0)" } ?? "/macros"]) {
                h.csrfField(csrf)
                h.textField("name", label: "macros.name", value: m.draft["name"], error: m.errors["name"], required: true)
                if m.canShare {
                    h.selectField(
                        "scope", label: "macros.scope", noneKey: "macros.personal",
                        choices: [("shared", h.l.text("macros.shared"))] + m.teams.map { ("team:\($0.id)", $0.name) }, selected: m.draft["scope"],
                        error: m.errors["team_id"])
                }
                h.tag("p", ["class": "hint"]) { h.t("macros.placeholders_hint") }
                for language in MacrosModel.languages {
                    let name = "reply_" + language
                    h.tag("div", ["class": "field"]) {
                        h.tag("label", ["for": name]) { h.t("macros.reply_" + language) }
                        h.tag("textarea", [
                            "id": name, "name": name, "rows": "3", "aria-invalid": m.errors["replies.\(language)"] == nil ? nil : "true",
                        ]) { h.text(m.draft[name] ?? "") }
                        if let error = m.errors["replies.\(language)"] { h.tag("p", ["class": "field-error"]) { h.text(error) } }
                    }
                }
                h.selectField(
                    "set_status", label: "macros.set_status",
                    options: [("", "macros.leave")] + [TicketStatus.open, .pending, .onHold, .solved].map { ($0.rawValue, "status." + $0.rawValue) },
                    selected: m.draft["set_status"])
                h.selectField(
                    "set_priority", label: "macros.set_priority",
                    options: [("", "macros.leave")] + TicketPriority.allCases.map { ($0.rawValue, "priority." + $0.rawValue) }, selected: m.draft["set_priority"])
                h.selectField(
                    "set_type", label: "macros.set_type",
                    options: [("", "macros.leave")] + TicketType.allCases.map { ($0.rawValue, "type." + $0.rawValue) }, selected: m.draft["set_type"])
                h.textField("add_tags", label: "macros.add_tags", value: m.draft["add_tags"], error: m.errors["actions"])
                h.tag("div", ["class": "buttons"]) {
                    if m.editing != nil { h.tag("a", ["href": "/macros"]) { h.t("macros.cancel") } }
                    h.tag("button", ["type": "submit", "class": "primary"]) { h.t(m.editing == nil ? "macros.create" : "macros.save") }
                }
            }
        }
    }
}
