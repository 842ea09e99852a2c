import SwitchboardCore

/// The seven ticket types, each offered or turned off.
enum AdminTypesView {
    static func render(_ inactive: Set<TicketType>, error: String?, frame: PageFrame, _ l: Localizer) -> String {
        Layout.page(frame, l) { h in
            h.tag("div", ["class": "page narrow"]) {
                h.tag("h1") { h.t("types.title") }
                h.tag("p", ["class": "muted"]) { h.t("types.explain") }
                if let error { h.tag("p", ["class": "field-error", "role": "alert"]) { h.text(error) } }
                h.tag("table", ["class": "grid"]) {
                    h.tag("thead") {
                        h.tag("tr") {
                            for key in ["ticket.type", "types.state", "common.actions"] { h.tag("th", ["scope": "col"]) { h.t(key) } }
                        }
                    }
                    h.tag("tbody") {
                        for type in TicketType.allCases {
                            let on = !inactive.contains(type)
                            let name = l.text("type." + type.rawValue)
                            h.tag("tr") {
                                h.tag("td") { h.text(name) }
                                h.tag("td") { h.t(type == .question ? "types.default" : on ? "types.offered" : "types.off") }
                                h.tag("td") {
                                    if type != .question {
                                        h.tag("form", ["method": "post", "action": "/admin/types/\(type.rawValue)"]) {
                                            h.csrfField(frame.csrf)
                                            h.void("input", ["type": "hidden", "name": "active", "value": on ? "false" : "true"])
                                            h.tag("button", ["type": "submit", "aria-label": l.text(on ? "types.turn_off_named" : "types.turn_on_named", ["type": name])]) {
                                                h.t(on ? "types.turn_off" : "types.turn_on")
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
    }
}
