import SwitchboardCore

/// What a browser shows when a page cannot be shown: not found, not allowed, our fault.
enum ErrorPageView {
    static func render(status: Int, detail: String, _ l: Localizer) -> String {
        let key: String =
            switch status {
            case 404: "error.not_found"
            case 403: "error.forbidden"
            case 401: "error.sign_in"
            case 400..<500: "error.bad_request"
            default: "error.server"
            }
        return Layout.bare(title: l.text(key), l) { h in
            h.tag("section", ["class": "signin", "aria-labelledby": "error-title"]) {
                h.tag("p", ["class": "brand"]) { h.t("app.name") }
                h.tag("h1", ["id": "error-title"]) { h.t(key) }
                if status < 500 { h.tag("p", ["class": "muted"]) { h.text(detail) } }
                h.tag("p") { h.tag("a", ["href": "/inbox"]) { h.t("error.back") } }
            }
        }
    }
}
