import Vapor

/// The CSRF token of the forms shown before anyone is signed in (sign-in, password reset):
/// a random value in an HttpOnly, SameSite=Strict cookie that the form must send back.
enum PreSessionToken {
    static let cookie = "sb_csrf"

    /// The browser's token, or a new one.
    static func current(_ req: Request) -> String {
        req.cookies[cookie]?.string ?? Secrets.token(bytes: 24)
    }

    /// Whether a form sent the token its browser holds.
    static func matches(_ req: Request, _ sent: String?) -> Bool {
        guard let sent, let expected = req.cookies[cookie]?.string else { return false }
        return Secrets.constantTimeEqual(sent, expected)
    }

    /// A page whose form carries `token`, with the cookie set when the browser lacks it.
    static func page(_ req: Request, token: String, status: HTTPStatus = .ok, _ html: String) -> Response {
        let response = WebController.html(html, status: status)
        if req.cookies[cookie]?.string != token {
            response.cookies[cookie] = HTTPCookies.Value(
                string: token, path: "/", isSecure: req.url.scheme == "https", isHTTPOnly: true, sameSite: .strict)
        }
        return response
    }
}
