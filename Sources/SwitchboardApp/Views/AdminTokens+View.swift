import Foundation
import SwitchboardCore

/// Every API token of the workspace, for admins: who owns it, when it was last used, revoke.
struct AdminTokensModel {
    var tokens: [APIToken]
    var owners: [Int64: String]
    var timeZone: TimeZone
}

enum AdminTokensView {
    static func render(_ m: AdminTokensModel, frame: PageFrame, _ l: Localizer) -> String {
        Layout.page(frame, l) { h in
            h.tag("div", ["class": "page narrow"]) {
                h.tag("h1") { h.t("tokens.title") }
                if m.tokens.isEmpty {
                    h.tag("p", ["class": "muted"]) { h.t("profile.no_tokens") }
                    return
                }
                h.tag("table", ["class": "grid"]) {
                    h.tag("thead") {
                        h.tag("tr") {
                            for key in ["tokens.owner", "profile.token_name", "profile.token_prefix", "profile.token_last_used", "common.actions"] {
                                h.tag("th", ["scope": "col"]) { h.t(key) }
                            }
                        }
                    }
                    h.tag("tbody") {
                        for token in m.tokens {
                            h.tag("tr") {
                                h.tag("td") { h.text(m.owners[token.userId] ?? "#\(token.userId)") }
                                h.tag("td") { h.text(token.name) }
                                h.tag("td") { h.tag("code") { h.text(token.prefix + "…") } }
                                h.tag("td") {
                                    if let used = token.lastUsedAt {
                                        h.tag("time", ["datetime": RFC3339.string(used)]) { h.text(h.l.dateTime(used, timeZone: m.timeZone)) }
                                    } else {
                                        h.t("profile.never")
                                    }
                                }
                                h.tag("td") {
                                    if token.revokedAt == nil {
                                        h.tag("form", ["method": "post", "action": "/admin/tokens/\(token.id)/revoke"]) {
                                            h.csrfField(frame.csrf)
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
        }
    }
}
