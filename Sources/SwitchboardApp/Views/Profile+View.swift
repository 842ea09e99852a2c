import Foundation
import SwitchboardCore

/// The signed-in user's own page: name, job title, language, password and API tokens.
struct ProfileModel {
    var user: User
    var tokens: [APIToken]
    var draft: [String: String] = [:]
    var errors: [String: String] = [:]
    /// A token secret to show once, right after it was made.
    var newToken: String?
    var saved = false
    var timeZone: TimeZone
    var notifications = NotificationSettings()
}

enum ProfileView {
    static func render(_ m: ProfileModel, frame: PageFrame, _ l: Localizer) -> String {
        Layout.page(frame, l) { h in
            h.tag("div", ["class": "page narrow"]) {
                h.tag("h1") { h.t("profile.title") }
                if m.saved { h.tag("p", ["class": "notice", "role": "status"]) { h.t("profile.saved") } }
                h.tag("section", ["class": "card", "aria-labelledby": "profile-details"]) {
                    h.tag("h2", ["id": "profile-details"]) { h.t("profile.details") }
                    h.tag("form", ["method": "post", "action": "/profile", "novalidate": ""]) {
                        h.csrfField(frame.csrf)
                        h.textField("name", label: "user.name", value: m.draft["name"] ?? m.user.name, error: m.errors["name"], required: true)
                        h.textField(
                            "job_title", label: "user.job_title", value: m.draft["job_title"] ?? m.user.jobTitle ?? "", error: m.errors["job_title"],
                            hint: "user.job_title_hint")
                        h.selectField(
                            "locale", label: "user.locale", options: AdminUsersView.languages.map { ($0, "language." + $0) },
                            selected: m.draft["locale"] ?? m.user.locale, error: m.errors["locale"])
                        h.selectField(
                            "time_zone", label: "user.time_zone", noneKey: "user.time_zone_browser", choices: timeZones,
                            selected: m.draft["time_zone"] ?? m.user.timeZone, error: m.errors["time_zone"])
                        h.tag("button", ["type": "submit", "class": "primary"]) { h.t("common.save") }
                    }
                }
                h.tag("section", ["class": "card", "aria-labelledby": "profile-password"]) {
                    h.tag("h2", ["id": "profile-password"]) { h.t("profile.password") }
                    h.tag("form", ["method": "post", "action": "/profile/password", "novalidate": ""]) {
                        h.csrfField(frame.csrf)
                        h.textField(
                            "current_password", label: "profile.current_password", value: nil, type: "password", error: m.errors["current_password"],
                            autocomplete: "current-password")
                        h.textField(
                            "new_password", label: "profile.new_password", value: nil, type: "password", error: m.errors["new_password"],
                            autocomplete: "new-password", hint: "profile.password_hint")
                        h.tag("button", ["type": "submit"]) { h.t("profile.change_password") }
                    }
                }
                notifications(h, m, csrf: frame.csrf)
                tokens(h, m, csrf: frame.csrf)
            }
        }
    }

    /// Every zone the system knows, by name ("America/Argentina/Buenos_Aires" reads as
    /// "America / Argentina / Buenos Aires").
    static let timeZones: [(value: String, label: String)] = (["UTC"] + TimeZone.knownTimeZoneIdentifiers.filter { $0.contains("/") }.sorted()).map {
        ($0, $0.replacingOccurrences(of: "/", with: " / ").replacingOccurrences(of: "_", with: " "))
    }

    private static func notifications(_ h: HTMLWriter, _ m: ProfileModel, csrf: String) {
        h.tag("section", ["class": "card", "aria-labelledby": "profile-notifications"]) {
            h.tag("h2", ["id": "profile-notifications"]) { h.t("profile.notifications") }
            h.tag("form", ["method": "post", "action": "/profile/notifications"]) {
                h.csrfField(csrf)
                h.tag("fieldset", ["class": "choices"]) {
                    h.tag("legend") { h.t("profile.notifications_legend") }
                    for kind in NotificationKind.allCases {
                        h.tag("label", ["for": "notify-\(kind.rawValue)"]) {
                            h.void("input", [
                                "type": "checkbox", "id": "notify-\(kind.rawValue)", "name": "on[]", "value": kind.rawValue,
                                "checked": m.notifications.wants(kind) ? "" : nil,
                            ])
                            h.text(" ")
                            h.t("profile.notify_" + kind.rawValue)
                        }
                    }
                }
                h.tag("button", ["type": "submit"]) { h.t("common.save") }
            }
        }
    }

    private static func tokens(_ h: HTMLWriter, _ m: ProfileModel, csrf: String) {
        h.tag("section", ["class": "card", "aria-labelledby": "profile-tokens"]) {
            h.tag("h2", ["id": "profile-tokens"]) { h.t("profile.tokens") }
            if let secret = m.newToken {
                h.tag("div", ["class": "notice", "role": "status"]) {
                    h.tag("p") { h.t("profile.token_once") }
                    h.tag("code", ["id": "new-token"]) { h.text(secret) }
                }
            }
            if m.tokens.isEmpty {
                h.tag("p", ["class": "muted"]) { h.t("profile.no_tokens") }
            } else {
                h.tag("table", ["class": "grid"]) {
                    h.tag("thead") {
                        h.tag("tr") {
                            for key in ["profile.token_name", "profile.token_prefix", "profile.token_last_used", "common.actions"] {
                                h.tag("th", ["scope": "col"]) { h.t(key) }
                            }
                        }
                    }
                    h.tag("tbody") {
                        for token in m.tokens {
                            h.tag("tr") {
                                h.tag("td") { h.text(token.name) }
                                h.tag("td") { h.tag("code") { h.text(token.prefix + "…") } }
                                h.tag("td") {
                                    if let used = token.lastUsedAt { h.text(h.l.dateTime(used, timeZone: m.timeZone)) } else { h.t("profile.never") }
                                }
                                h.tag("td") {
                                    if token.revokedAt == nil {
                                        h.tag("form", ["method": "post", "action": "/profile/tokens/\(token.id)/revoke"]) {
                                            h.csrfField(csrf)
                                            h.tag("button", ["type": "submit", "class": "link"]) { h.t("profile.revoke", ["name": token.name]) }
                                        }
                                    } else {
                                        h.t("profile.revoked")
                                    }
                                }
                            }
                        }
                    }
                }
            }
            h.tag("form", ["method": "post", "action": "/profile/tokens", "class": "inline"]) {
                h.csrfField(csrf)
                h.textField("token_name", label: "profile.token_name", value: nil, error: m.errors["token_name"])
                h.tag("button", ["type": "submit"]) { h.t("profile.new_token") }
            }
        }
    }
}
