import SwitchboardCore

/// The tags in use, most used first, each leading to its tickets.
enum AdminTagsView {
    static func render(_ tags: [(tag: String, count: Int)], frame: PageFrame, _ l: Localizer) -> String {
        Layout.page(frame, l) { h in
            h.tag("div", ["class": "page narrow"]) {
                h.tag("h1") { h.t("tags.title") }
                h.tag("p", ["class": "muted"]) { h.t("tags.explain") }
                if tags.isEmpty {
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
                        for (tag, count) in tags {
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
}
