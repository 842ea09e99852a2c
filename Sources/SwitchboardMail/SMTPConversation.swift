import Foundation

/// A reply of an SMTP server: its code and its text lines.
public struct SMTPReply: Sendable, Equatable {
    public var code: Int
    public var lines: [String]
    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }
}

/// Why sending failed; `permanent` (5xx) means retrying will not help.
public struct SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: Int?
    public var message: String
    public var permanent: Bool
    public var description: String { code.map { "\($0) \(message)" } ?? message }

    public init(code: Int?, message: String, permanent: Bool) {
        self.code = code
        self.message = message
        self.permanent = permanent
    }
}

/// The client side of one SMTP delivery (RFC 5321) as a pure state machine: each server reply
/// goes in, the next thing to do comes out, the caller does the I/O. EHLO, STARTTLS when the
/// mailbox asks for it (refusing to go on without it), AUTH PLAIN or LOGIN, the envelope,
/// DATA, QUIT. Recipients the server refuses are skipped while at least one is taken.
public struct SMTPConversation: Sendable {
    public enum Action: Sendable, Equatable {
        /// Send this command (without CRLF).
        case send(String)
        /// Start TLS on the connection, then call `tlsStarted()`.
        case startTLS
        /// Send the message (dot-stuffed, ended with CRLF.CRLF).
        case sendMessage
        /// Delivered; close the connection.
        case done
        case fail(SMTPError)
    }

    private enum State: Sendable {
        case greeting, ehlo, startingTLS, authPlain, authLoginUser, authLoginPassword, mailFrom, rcpt(Int), data, message, quit, finished
    }

    private var state = State.greeting
    private let heloName: String
    private let requireTLS: Bool
    private var tlsActive: Bool
    private let username: String?
    private let password: String?
    private let from: String
    private let recipients: [String]
    public private(set) var accepted: [String] = []
    public private(set) var refused: [(String, SMTPReply)] = []

    /// `implicitTLS`: the connection is TLS from the start; `requireTLS`: STARTTLS must happen.
    public init(heloName: String, implicitTLS: Bool, requireTLS: Bool, username: String?, password: String?, from: String, recipients: [String]) {
        self.heloName = heloName
        self.tlsActive = implicitTLS
        self.requireTLS = requireTLS
        self.username = username
        self.password = password
        self.from = from
        self.recipients = recipients
    }

    public mutating func tlsStarted() -> Action {
        tlsActive = true
        state = .ehlo
        return .send("EHLO \(heloName)")
    }

    public mutating func receive(_ reply: SMTPReply) -> Action {
        switch state {
        case .greeting:
            guard reply.code == 220 else { return fail(reply) }
            state = .ehlo
            return .send("EHLO \(heloName)")
        case .ehlo:
            guard reply.code == 250 else { return fail(reply) }
            let capabilities = reply.lines.dropFirst().map { $0.uppercased() }
            if !tlsActive, requireTLS {
                guard capabilities.contains(where: { $0.hasPrefix("STARTTLS") }) else {
                    return finish(.fail(SMTPError(code: nil, message: "the server does not offer STARTTLS", permanent: true)))
                }
                state = .startingTLS
                return .send("STARTTLS")
            }
            if let username, let password, !username.isEmpty {
                let auth = capabilities.first { $0.hasPrefix("AUTH") }?.split(separator: " ").map(String.init) ?? []
                guard tlsActive else {
                    return finish(.fail(SMTPError(code: nil, message: "refusing to send a password without TLS", permanent: true)))
                }
                if auth.contains("PLAIN") || auth.isEmpty {
                    state = .authPlain
                    return .send("AUTH PLAIN " + Data(("\0" + username + "\0" + password).utf8).base64EncodedString())
                }
                if auth.contains("LOGIN") {
                    state = .authLoginUser
                    return .send("AUTH LOGIN")
                }
                return finish(.fail(SMTPError(code: nil, message: "the server offers neither AUTH PLAIN nor LOGIN", permanent: true)))
            }
            state = .mailFrom
            return .send("MAIL FROM:<\(from)>")
        case .startingTLS:
            guard reply.code == 220 else { return fail(reply) }
            return .startTLS
        case .authLoginUser:
            guard reply.code == 334 else { return fail(reply) }
            state = .authLoginPassword
            return .send(Data((username ?? "").utf8).base64EncodedString())
        case .authLoginPassword:
            guard reply.code == 334 else { return fail(reply) }
            state = .authPlain
            return .send(Data((password ?? "").utf8).base64EncodedString())
        case .authPlain:
            guard reply.code == 235 else { return fail(reply) }
            state = .mailFrom
            return .send("MAIL FROM:<\(from)>")
        case .mailFrom:
            guard reply.code == 250 else { return fail(reply) }
            guard let first = recipients.first else {
                return finish(.fail(SMTPError(code: nil, message: "no recipients", permanent: true)))
            }
            state = .rcpt(0)
            return .send("RCPT TO:<\(first)>")
        case .rcpt(let i):
            if reply.code == 250 || reply.code == 251 { accepted.append(recipients[i]) } else if reply.code >= 400 { refused.append((recipients[i], reply)) }
            if i + 1 < recipients.count {
                state = .rcpt(i + 1)
                return .send("RCPT TO:<\(recipients[i + 1])>")
            }
            guard !accepted.isEmpty else { return fail(refused.last?.1 ?? reply) }
            state = .data
            return .send("DATA")
        case .data:
            guard reply.code == 354 else { return fail(reply) }
            state = .message
            return .sendMessage
        case .message:
            guard reply.code == 250 else { return fail(reply) }
            state = .quit
            return .send("QUIT")
        case .quit:
            return finish(.done)
        case .finished:
            return .done
        }
    }

    private mutating func fail(_ reply: SMTPReply) -> Action {
        finish(.fail(SMTPError(code: reply.code, message: reply.lines.joined(separator: " "), permanent: reply.code >= 500)))
    }

    private mutating func finish(_ action: Action) -> Action {
        state = .finished
        return action
    }

    /// The message as DATA carries it: CRLF line ends, lines starting with a dot doubled, the
    /// terminating CRLF.CRLF.
    public static func dataBlock(_ message: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(message.count + 64)
        var atLineStart = true
        var previous: UInt8 = 0
        for b in message {
            if b == 0x0A, previous != 0x0D { out.append(0x0D) }
            if atLineStart, b == UInt8(ascii: ".") { out.append(UInt8(ascii: ".")) }
            out.append(b)
            atLineStart = b == 0x0A
            previous = b
        }
        if !atLineStart { out += [0x0D, 0x0A] }
        out += Array(".\r\n".utf8)
        return out
    }
}
