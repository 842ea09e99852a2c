import Foundation
import SwitchboardCore

/// The admin's list of staff and the form that adds one.
struct AdminUsersModel {
    var users: [User]
    var teams: [Team]
    /// What the create form had, and its problems, after a failed try.
    var draft: [String: String] = [:]
    var errors: [String: String] = [:]
    /// Who was just added, and whether they were mailed an invitation (else an admin set
    /// their password).
    var created: (email: String, invited: Bool)?
}

enum AdminUsersView {
    static let languages = ["en", "uk", "pl", "ru", "el"]

    static func render(_ m: AdminUsersModel, frame: PageFrame, _ l: Localizer) -> String {
        Layout.page(frame, l) { h in
            h.tag("div", ["class": "page narrow"]) {
                h.tag("h1") { h.t("admin.users.title") }
                if let created = m.created {
                    h.tag("div", ["class": "notice", "role": "status"]) {
                        h.tag("p") { h.t(created.invited ? "admin.users.invited" : "admin.users.created", ["email": created.email]) }
                    }
                }
                table(h, m, csrf: frame.csrf, me: frame.userId)
                form(h, m, csrf: frame.csrf)
            }
        }
    }

    private static func table(_ h: HTMLWriter, _ m: AdminUsersModel, csrf: String, me: Int64) {
        let teams = Dictionary(m.teams.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        h.tag("table", ["class": "grid"]) {
            h.tag("thead") {
                h.tag("tr") {
                    for key in ["user.name", "user.email", "user.job_title", "user.role", "user.teams", "user.state", "common.actions"] {
                        h.tag("th", ["scope": "col"]) { h.t(key) }
                    }
                }
            }
            h.tag("tbody") {
                for user in m.users {
                    h.tag("tr", ["data-user": String(user.id)]) {
                        h.tag("td") { h.tag("a", ["href": "/admin/users/\(user.id)"]) { h.text(user.name) } }
                        h.tag("td") { h.text(user.email) }
                        h.tag("td") { h.text(user.jobTitle ?? "") }
                        h.tag("td") { h.t("role." + user.role.rawValue) }
                        h.tag("td") { h.text(user.teamIds.compactMap { teams[$0] }.joined(separator: ", ")) }
                        h.tag("td") { h.t(user.active ? "user.active" : "user.inactive") }
                        h.tag("td") {
                            // Nobody deactivates themselves: the button is not offered.
                            if user.id != me {
                                h.tag("form", ["method": "post", "action": "/admin/users/\(user.id)/active"]) {
                                    h.csrfField(csrf)
                                    h.void("input", ["type": "hidden", "name": "active", "value": user.active ? "false" : "true"])
                                    h.tag("button", ["type": "submit", "class": "link"]) {
                                        h.t(user.active ? "admin.users.deactivate" : "admin.users.activate", ["name": user.name])
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func form(_ h: HTMLWriter, _ m: AdminUsersModel, csrf: String) {
        h.tag("section", ["class": "card", "aria-labelledby": "new-user"]) {
            h.tag("h2", ["id": "new-user"]) { h.t("admin.users.new") }
            h.tag("form", ["method": "post", "action": "/admin/users", "novalidate": ""]) {
                h.csrfField(csrf)
                h.textField("email", label: "user.email", value: m.draft["email"], type: "email", error: m.errors["email"], required: true)
                h.textField("name", label: "user.name", value: m.draft["name"], error: m.errors["name"], required: true)
                h.textField("job_title", label: "user.job_title", value: m.draft["job_title"], error: m.errors["job_title"], hint: "user.job_title_hint")
                h.selectField(
                    "role", label: "user.role", options: Role.allCases.map { ($0.rawValue, "role." + $0.rawValue) },
                    selected: m.draft["role"] ?? Role.agent.rawValue, error: m.errors["role"])
                h.selectField(
                    "locale", label: "user.locale", options: languages.map { ($0, "language." + $0) }, selected: m.draft["locale"] ?? "en",
                    error: m.errors["locale"])
                h.checkboxes("team_ids[]", legend: "user.teams", options: m.teams.map { ($0.id, $0.name) }, checked: [], idPrefix: "new-user-team")
                h.textField(
                    "password", label: "user.password", value: nil, type: "password", error: m.errors["password"], autocomplete: "new-password",
                    hint: "admin.users.password_hint")
                h.tag("button", ["type": "submit", "class": "primary"]) { h.t("admin.users.create") }
            }
        }
    }
}
