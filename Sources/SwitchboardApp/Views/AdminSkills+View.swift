import SwitchboardCore

/// Admin > Skills: what tickets may need (a language, a product, a kind of request), each with
/// the rules that say when, and a form for a new one.
struct AdminSkillsModel {
    var skills: [Skill] = []
    var draft: [String: String] = [:]
    var errors: [String: String] = [:]
}

enum AdminSkillsView {
    /// `type:complaint, tag:refund, language:pl` as written.
    static func rulesText(_ rules: [Skill.Rule]) -> String { rules.map { "\($0.kind.rawValue):\($0.value)" }.joined(separator: ", ") }

    static func render(_ m: AdminSkillsModel, frame: PageFrame, _ l: Localizer) -> String {
        Layout.page(frame, l) { h in
            h.tag("div", ["class": "page narrow"]) {
                h.tag("h1") { h.t("skills.title") }
                h.tag("p", ["class": "muted"]) { h.t("skills.explain") }
                h.tag("table", ["class": "grid"]) {
                    h.tag("thead") {
                        h.tag("tr") { for key in ["skills.name", "skills.rules", "skills.min_level", "common.actions"] { h.tag("th", ["scope": "col"]) { h.t(key) } } }
                    }
                    h.tag("tbody") {
                        for skill in m.skills {
                            h.tag("tr") {
                                h.tag("td") { h.text(skill.name) }
                                h.tag("td") { h.text(rulesText(skill.rules)) }
                                h.tag("td") { h.text(String(skill.minLevel)) }
                                h.tag("td") {
                                    h.tag("form", ["method": "post", "action": "/admin/skills/\(skill.id)/delete", "class": "inline"]) {
                                        h.csrfField(frame.csrf)
                                        h.tag("button", ["type": "submit", "class": "danger", "aria-label": h.l.text("skills.delete_named", ["name": skill.name])]) {
                                            h.t("automations.delete")
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                h.tag("section", ["class": "card", "aria-labelledby": "new-skill"]) {
                    h.tag("h2", ["id": "new-skill"]) { h.t("skills.new") }
                    h.tag("form", ["method": "post", "action": "/admin/skills"]) {
                        h.csrfField(frame.csrf)
                        h.textField("name", label: "skills.name", value: m.draft["name"], error: m.errors["name"], required: true)
                        h.textField("rules", label: "skills.rules", value: m.draft["rules"], error: m.errors["rules"], hint: "skills.rules_hint")
                        h.selectField(
                            "min_level", label: "skills.min_level", options: (1...5).map { (String($0), "skills.level_\($0)") },
                            selected: m.draft["min_level"] ?? "1", error: m.errors["min_level"])
                        h.tag("button", ["type": "submit", "class": "primary"]) { h.t("skills.create") }
                    }
                }
            }
        }
    }
}
