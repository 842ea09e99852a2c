import SwitchboardCore

/// The sign-in form, with what the user typed and the problem when a try failed.
struct SignInModel {
    var email = ""
    var returnTo = "/inbox"
    var error: String?
    var csrf: String
    /// Set after a password was reset through an emailed link.
    var resetDone = false
}

enum SignInView {
    static func render(_ m: SignInModel, _ l: Localizer) -> String {
        Layout.bare(title: l.text("signin.title"), l) { h in
            h.tag("section", ["class": "signin", "aria-labelledby": "signin-title"]) {
                h.tag("p", ["class": "brand"]) { h.t("app.name") }
                h.tag("h1", ["id": "signin-title"]) { h.t("signin.title") }
                if m.resetDone { h.tag("p", ["role": "status", "class": "notice"]) { h.t("reset.done") } }
                if let error = m.error {
                    h.tag("p", ["class": "error", "role": "alert", "id": "signin-error"]) { h.text(error) }
                }
                h.tag("form", ["method": "post", "action": "/sign-in", "novalidate": ""]) {
                    h.void("input", ["type": "hidden", "name": "_csrf", "value": m.csrf])
                    h.void("input", ["type": "hidden", "name": "return_to", "value": m.returnTo])
                    h.tag("div", ["class": "field"]) {
                        h.tag("label", ["for": "email"]) { h.t("signin.email") }
                        h.void(
                            "input",
                            ["id": "email", "name": "email", "type": "email", "value": m.email, "autocomplete": "username", "required": "",
                             "autofocus": "", "aria-describedby": m.error == nil ? nil : "signin-error"])
                    }
                    h.tag("div", ["class": "field"]) {
                        h.tag("label", ["for": "password"]) { h.t("signin.password") }
                        h.void("input", ["id": "password", "name": "password", "type": "password", "autocomplete": "current-password", "required": ""])
                    }
                    h.tag("button", ["type": "submit", "class": "primary"]) { h.t("signin.submit") }
                }
                h.tag("p", ["class": "aside"]) { h.tag("a", ["href": "/forgot-password"]) { h.t("signin.forgot") } }
            }
        }
    }
}
