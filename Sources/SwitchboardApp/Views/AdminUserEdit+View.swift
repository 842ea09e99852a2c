import SwitchboardCore
import SwitchboardStore

/// One staff member's page for an admin: name, email, job title, role, language and teams.
struct AdminUserEditModel {
    var user: User
    var teams: [Team] = []
    var draft: [String: String] = [:]
    var draftTeams: Set<Int64>?
    var errors: [String: String] = [:]
    var status: AgentStatus?
    var skills: [Skill] = []
    var levels: [Int64: Int] = [:]
}

enum AdminUserEditView {
    /// Capacity and skills, for routing.
    static func routing(_ h: HTMLWriter, _ m: AdminUserEditModel, csrf: String) {
        h.tag("section", ["class": "card", "aria-labelledby": "routing"]) {
            h.tag("h2", ["id": "routing"]) { h.t("user.routing") }
            if let status = m.status {
                h.tag("p") {
                    h.t("availability." + status.availability.rawValue)
                    h.text(" · ")
                    h.t("user.open_tickets", ["count": String(status.openTickets)])
                }
            }
            h.tag("form", ["method": "post", "action": "/admin/users/\(m.user.id)/routing"]) {
                h.csrfField(csrf)
                h.textField(
                    "capacity", label: "user.capacity", value: m.draft["capacity"] ?? m.status?.capacity.map(String.init) ?? "", type: "number",
                    error: m.errors["capacity"], hint: "user.capacity_hint")
                for skill in m.skills {
                    h.selectField(
                        "skill_\(skill.id)", label: "user.skill_level", noneKey: "user.no_skill",
                        choices: (1...5).map { (String($0), "\(skill.name) · \($0)") }, selected: m.levels[skill.id].map(String.init))
                }
                if m.skills.isEmpty { h.tag("p", ["class": "muted"]) { h.t("user.no_skills_yet") } }
                h.tag("button", ["type": "submit"]) { h.t("common.save") }
            }
        }
    }

    static func render(_ m: AdminUserEditModel, frame: PageFrame, _ l: Localizer) -> String {
        Layout.page(frame, l) { h in
            h.tag("div", ["class": "page narrow"]) {
                h.tag("p") { h.tag("a", ["href": "/admin/users"]) { h.t("admin.users.back") } }
                h.tag("h1") { h.text(m.user.name) }
                h.tag("section", ["class": "card", "aria-labelledby": "edit-user"]) {
                    h.tag("h2", ["id": "edit-user"]) { h.t("admin.users.edit") }
                    h.tag("form", ["method": "post", "action": "/admin/users/\(m.user.id)", "novalidate": ""]) {
                        h.csrfField(frame.csrf)
                        h.textField("name", label: "user.name", value: m.draft["name"] ?? m.user.name, error: m.errors["name"], required: true)
                        h.textField("email", label: "user.email", value: m.draft["email"] ?? m.user.email, type: "email", error: m.errors["email"], required: true)
                        h.textField(
                            "job_title", label: "user.job_title", value: m.draft["job_title"] ?? m.user.jobTitle ?? "", error: m.errors["job_title"],
                            hint: "user.job_title_hint")
                        h.selectField(
                            "role", label: "user.role", options: Role.allCases.map { ($0.rawValue, "role." + $0.rawValue) },
                            selected: m.draft["role"] ?? m.user.role.rawValue, error: m.errors["role"])
                        h.selectField(
                            "locale", label: "user.locale", options: AdminUsersView.languages.map { ($0, "language." + $0) },
                            selected: m.draft["locale"] ?? m.user.locale, error: m.errors["locale"])
                        h.checkboxes(
                            "team_ids[]", legend: "user.teams", options: m.teams.map { ($0.id, $0.name) },
                            checked: m.draftTeams ?? Set(m.user.teamIds), idPrefix: "edit-user-team")
                        h.tag("button", ["type": "submit", "class": "primary"]) { h.t("common.save") }
                    }
                }
                routing(h, m, csrf: frame.csrf)
            }
        }
    }
}
