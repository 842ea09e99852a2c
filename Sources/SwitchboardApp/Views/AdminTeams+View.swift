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
                            members(h, m.users, selected: Set(team.memberIds), idPrefix: "team-\(team.id)-user")
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
                        members(h, m.users, selected: [], idPrefix: "new-team-user")
                        h.tag("button", ["type": "submit", "class": "primary"]) { h.t("teams.create") }
                    }
                }
            }
        }
    }

    private static func members(_ h: HTMLWriter, _ users: [User], selected: Set<Int64>, idPrefix: String) {
        h.tag("fieldset", ["class": "choices"]) {
            h.tag("legend") { h.t("teams.members") }
            for user in users where user.active {
                h.tag("label", ["for": "\(idPrefix)-\(user.id)"]) {
                    h.void(
                        "input",
                        ["type": "checkbox", "id": "\(idPrefix)-\(user.id)", "name": "member_ids[]", "value": String(user.id),
                         "checked": selected.contains(user.id) ? "" : nil])
                    h.text(" " + user.name)
                }
            }
        }
    }
}
