import SwitchboardCore

/// What the tags page shows: the tags in use, and the rename form as last sent.
struct AdminTagsModel {
    var tags: [(tag: String, count: Int)] = []
    var draft: [String: String] = [:]
    var errors: [String: String] = [:]
    /// Said after a rename: what happened.
    var notice: String?
}

/// The tags in use, most used first, each leading to its tickets; and renaming or merging one.
enum AdminTagsView {
    static func render(_ m: AdminTagsModel, frame: PageFrame, _ l: Localizer) -> String {
        Layout.page(frame, l) { h in
            h.tag("div", ["class": "page narrow"]) {
                h.tag("h1") { h.t("tags.title") }
                h.tag("p", ["class": "muted"]) { h.t("tags.explain") }
                if let notice = m.notice { h.tag("div", ["class": "notice", "role": "status"]) { h.text(notice) } }
                renameForm(h, m, frame: frame)
                if m.tags.isEmpty {
                    h.tag("p", ["class": "muted"]) { h.t("tags.none") }
                    return
                }
                h.tag("table", ["class": "grid"]) {
                    h.tag("thead") {
                        h.tag("tr") {
                            for key in ["ticket.tags", "tags.tickets"] { h.tag("th", ["scope": "col"]) { h.t(key) } }
                        }
                    }
                    h.tag("tbody") {
                        for (tag, count) in m.tags {
                            h.tag("tr") {
                                h.tag("td") {
                                    h.tag("a", ["href": "/inbox?" + QueryString.encode([("view", "all_open"), ("tag", tag)])]) { h.text(tag) }
                                }
                                h.tag("td") { h.text(h.l.number(count)) }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func renameForm(_ h: HTMLWriter, _ m: AdminTagsModel, frame: PageFrame) {
        h.tag("section", ["class": "card", "aria-labelledby": "rename-title"]) {
            h.tag("h2", ["id": "rename-title"]) { h.t("tags.rename_title") }
            h.tag("p", ["class": "muted"]) { h.t("tags.rename_explain") }
            h.tag("form", ["method": "post", "action": "/admin/tags/rename", "novalidate": ""]) {
                h.csrfField(frame.csrf)
                h.textField("from", label: "tags.rename_from", value: m.draft["from"], error: m.errors["from"], required: true)
                h.textField("to", label: "tags.rename_to", value: m.draft["to"], error: m.errors["to"], required: true)
                h.tag("button", ["type": "submit", "class": "primary"]) { h.t("tags.rename") }
            }
        }
    }
}
