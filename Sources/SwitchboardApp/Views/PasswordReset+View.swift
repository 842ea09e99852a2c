import SwitchboardCore

/// "Forgot your password": ask for the email, then (from the emailed link) set a new one.
enum PasswordResetView {
    static func request(email: String, sent: Bool, csrf: String, error: String?, _ l: Localizer) -> String {
        Layout.bare(title: l.text("reset.title"), l) { h in
            h.tag("section", ["class": "signin", "aria-labelledby": "reset-title"]) {
                h.tag("p", ["class": "brand"]) { h.t("app.name") }
                h.tag("h1", ["id": "reset-title"]) { h.t("reset.title") }
                if sent {
                    h.tag("p", ["role": "status"]) { h.t("reset.sent") }
                } else {
                    h.tag("p", ["class": "muted"]) { h.t("reset.explain") }
                    h.tag("form", ["method": "post", "action": "/forgot-password", "novalidate": ""]) {
                        h.csrfField(csrf)
                        h.textField("email", label: "signin.email", value: email, type: "email", error: error, required: true, autocomplete: "username")
                        h.tag("button", ["type": "submit", "class": "primary"]) { h.t("reset.send") }
                    }
                }
                h.tag("p") { h.tag("a", ["href": "/sign-in"]) { h.t("reset.back") } }
            }
        }
    }

    static func choose(token: String, csrf: String, error: String?, valid: Bool, _ l: Localizer) -> String {
        Layout.bare(title: l.text("reset.choose_title"), l) { h in
            h.tag("section", ["class": "signin", "aria-labelledby": "reset-title"]) {
                h.tag("p", ["class": "brand"]) { h.t("app.name") }
                h.tag("h1", ["id": "reset-title"]) { h.t("reset.choose_title") }
                if valid {
                    h.tag("form", ["method": "post", "action": "/reset-password", "novalidate": ""]) {
                        h.csrfField(csrf)
                        h.void("input", ["type": "hidden", "name": "token", "value": token])
                        h.textField(
                            "new_password", label: "profile.new_password", value: nil, type: "password", error: error, required: true,
                            autocomplete: "new-password", hint: "profile.password_hint")
                        h.tag("button", ["type": "submit", "class": "primary"]) { h.t("reset.save") }
                    }
                } else {
                    h.tag("p", ["role": "alert", "class": "error"]) { h.t("reset.invalid") }
                    h.tag("p") { h.tag("a", ["href": "/forgot-password"]) { h.t("reset.again") } }
                }
            }
        }
    }
}
