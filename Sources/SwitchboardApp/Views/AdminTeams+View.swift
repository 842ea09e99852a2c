import SwitchboardCore

/// Teams for admins: each with its members (editable), and a form for a new one.
struct AdminTeamsModel {
    var teams: [Team]
    var users: [User]
    var draft: [String: String] = [:]
    var errors: [String: String] = [:]
}

enum AdminTeamsView {
    static func render(_ m: AdminTeamsModel, frame: PageFrame, _ l: Localizer) -> String {
        Layout.page(frame, l) { h in
            h.tag("div", ["class": "page narrow"]) {
                h.tag("h1") { h.t("teams.title") }
                for team in m.teams {
                    h.tag("section", ["class": "card", "aria-labelledby": "team-\(team.id)"]) {
                        h.tag("h2", ["id": "team-\(team.id)"]) { h.text(team.name) }
                        if let description = team.description { h.tag("p", ["class": "muted"]) { h.text(description) } }
                        h.tag("form", ["method": "post", "action": "/admin/teams/\(team.id)", "aria-label": h.l.text("teams.members_of", ["team": team.name])]) {
                            h.csrfField(frame.csrf)
                            h.checkboxes(
                                "member_ids[]", legend: "teams.members", options: m.users.filter(\.active).map { ($0.id, $0.name) },
                                checked: Set(team.memberIds), idPrefix: "team-\(team.id)-user")
                            h.selectField(
                                "assignment", label: "teams.assignment",
                                options: AssignmentStrategy.allCases.map { ($0.rawValue, "teams.assignment_" + $0.rawValue) },
                                selected: team.assignment.rawValue)
                            h.tag("label") {
                                h.void("input", ["type": "checkbox", "name": "reassign_when_offline", "value": "on",
                                                 "checked": team.reassignWhenOffline ? "" : nil])
                                h.text(" ")
                                h.t("teams.reassign_when_offline")
                            }
                            h.tag("button", ["type": "submit"]) { h.t("teams.save_members") }
                        }
                    }
                }
                h.tag("section", ["class": "card", "aria-labelledby": "new-team"]) {
                    h.tag("h2", ["id": "new-team"]) { h.t("teams.new") }
                    h.tag("form", ["method": "post", "action": "/admin/teams", "novalidate": ""]) {
                        h.csrfField(frame.csrf)
                        h.textField("name", label: "teams.name", value: m.draft["name"], error: m.errors["name"], required: true)
                        h.textField("description", label: "teams.description", value: m.draft["description"], error: m.errors["description"])
                        h.checkboxes(
                            "member_ids[]", legend: "teams.members", options: m.users.filter(\.active).map { ($0.id, $0.name) }, checked: [],
                            idPrefix: "new-team-user")
                        h.tag("button", ["type": "submit", "class": "primary"]) { h.t("teams.create") }
                    }
                }
            }
        }
    }
}
