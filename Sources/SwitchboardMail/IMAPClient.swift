import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// An IMAP session over SwiftNIO: TLS from the start or STARTTLS (a password never goes out
/// in the clear), LOGIN, SELECT, UID SEARCH, UID FETCH, flags and MOVE, and IDLE.
public final class IMAPClient: @unchecked Sendable {  // one task uses a session at a time
    public enum Security: Sendable { case tls, starttls, none }

    private let channel: any Channel
    private var responses: AsyncStream<IMAPResponse>.AsyncIterator
    private var tagNumber = 0
    public private(set) var capabilities: Set<String> = []
    private let timeout: TimeAmount
    private let tls: NIOSSLContext
    private let host: String

    private init(channel: any Channel, responses: AsyncStream<IMAPResponse>, timeout: TimeAmount, tls: NIOSSLContext, host: String) {
        self.channel = channel
        self.responses = responses.makeAsyncIterator()
        self.timeout = timeout
        self.tls = tls
        self.host = host
    }

    /// Connects, upgrades to TLS as asked, and logs in.
    public static func connect(
        host: String, port: Int, security: Security, username: String, password: String,
        extraTrustRoots: [NIOSSLAdditionalTrustRoots] = [], timeout: TimeAmount = .seconds(60)
    ) async throws -> IMAPClient {
        let tls = try MailTLS.context(extraTrustRoots: extraTrustRoots)
        let (stream, continuation) = AsyncStream.makeStream(of: IMAPResponse.self)
        let implicitTLS = security == .tls
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(timeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if implicitTLS { try channel.pipeline.syncOperations.addHandler(try MailTLS.handler(tls, host: host)) }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(IMAPResponseDecoder()))
                    try channel.pipeline.syncOperations.addHandler(ResponseRelay(continuation))
                }
            }
            .connect(host: host, port: port).get()
        let client = IMAPClient(channel: channel, responses: stream, timeout: timeout, tls: tls, host: host)
        do {
            let greeting = try await client.next()
            guard greeting.kind == .untagged, greeting.text.uppercased().hasPrefix("OK") || greeting.text.uppercased().hasPrefix("PREAUTH") else {
                throw IMAPError(message: "unexpected greeting: \(greeting.text)")
            }
            try await client.refreshCapabilities()
            if security == .starttls {
                guard client.capabilities.contains("STARTTLS") else { throw IMAPError(message: "the server does not offer STARTTLS") }
                _ = try await client.command("STARTTLS")
                try await MailTLS.start(on: channel, context: tls, host: host)
                try await client.refreshCapabilities()
            }
            guard security != .none || Self.isLocal(host) else {
                throw IMAPError(message: "refusing to send a password without TLS to \(host)")
            }
            _ = try await client.command("LOGIN \(quoted(username)) \(quoted(password))")
            try await client.refreshCapabilities()
            return client
        } catch {
            channel.close(promise: nil)
            throw error
        }
    }

    /// Selects a folder; returns its UIDVALIDITY.
    public func select(_ folder: String) async throws -> Int64 {
        let untagged = try await command("SELECT \(Self.quoted(folder))")
        return untagged.lazy.compactMap { $0.number(after: "UIDVALIDITY") }.first ?? 0
    }

    /// UIDs of the messages not yet seen, oldest first.
    public func unseenUIDs() async throws -> [Int64] {
        let untagged = try await command("UID SEARCH UNSEEN")
        return untagged.filter { $0.text.uppercased().hasPrefix("SEARCH") }
            .flatMap { $0.text.split(separator: " ").dropFirst().compactMap { Int64($0) } }.sorted()
    }

    /// A message's size without fetching it.
    public func size(uid: Int64) async throws -> Int64? {
        try await command("UID FETCH \(uid) (UID RFC822.SIZE)").lazy.compactMap { $0.number(after: "RFC822.SIZE") }.first
    }

    /// A message's raw bytes, without setting \Seen.
    public func fetch(uid: Int64) async throws -> [UInt8]? {
        let untagged = try await command("UID FETCH \(uid) (UID BODY.PEEK[])")
        return untagged.first { $0.text.uppercased().contains("FETCH") && !$0.literals.isEmpty }?.literals.first
    }

    public func markSeen(uid: Int64) async throws {
        _ = try await command("UID STORE \(uid) +FLAGS.SILENT (\\Seen)")
    }

    /// Moves a message to `folder` (MOVE when offered, else COPY, delete and expunge).
    public func move(uid: Int64, to folder: String) async throws {
        if capabilities.contains("MOVE") {
            _ = try await command("UID MOVE \(uid) \(Self.quoted(folder))")
        } else {
            _ = try await command("UID COPY \(uid) \(Self.quoted(folder))")
            _ = try await command("UID STORE \(uid) +FLAGS.SILENT (\\Deleted)")
            _ = try await command(capabilities.contains("UIDPLUS") ? "UID EXPUNGE \(uid)" : "EXPUNGE")
        }
    }

    /// Waits in IDLE until the folder changes or `seconds` pass; false when IDLE is not offered.
    public func idle(seconds: Int64) async throws -> Bool {
        guard capabilities.contains("IDLE") else { return false }
        let tag = nextTag()
        try await send("\(tag) IDLE")
        var response = try await next()
        guard response.kind == .continuation else { throw IMAPError(message: "IDLE refused: \(response.text)") }
        let wake = channel.eventLoop.scheduleTask(in: .seconds(seconds)) { [channel] in
            channel.writeAndFlush(ByteBuffer(string: "DONE\r\n"), promise: nil)
        }
        defer { wake.cancel() }
        var doneSent = false
        while true {
            response = try await next(wait: .seconds(seconds + 60))
            if case .tagged(let t, let status) = response.kind, t == tag {
                guard status == "OK" else { throw IMAPError(message: "IDLE ended with \(status) \(response.text)") }
                return true
            }
            if !doneSent, response.kind == .untagged, response.text.uppercased().hasSuffix("EXISTS") || response.text.uppercased().hasSuffix("RECENT") {
                wake.cancel()
                doneSent = true
                try await send("DONE")
            }
        }
    }

    public func logout() async {
        _ = try? await command("LOGOUT")
        try? await channel.close()
    }

    /// Sends a command and returns its untagged responses; NO and BAD throw.
    @discardableResult
    func command(_ line: String) async throws -> [IMAPResponse] {
        let tag = nextTag()
        try await send("\(tag) \(line)")
        var untagged: [IMAPResponse] = []
        while true {
            let response = try await next()
            switch response.kind {
            case .tagged(let t, let status) where t == tag:
                guard status == "OK" else {
                    let shown = line.hasPrefix("LOGIN") ? "LOGIN" : line
                    throw IMAPError(message: "\(shown): \(status) \(response.text)")
                }
                return untagged
            case .untagged:
                untagged.append(response)
            default:
                continue
            }
        }
    }

    private func refreshCapabilities() async throws {
        let untagged = try await command("CAPABILITY")
        capabilities = Set(untagged.filter { $0.text.uppercased().hasPrefix("CAPABILITY") }
            .flatMap { $0.text.uppercased().split(separator: " ").dropFirst().map(String.init) })
    }

    private func nextTag() -> String {
        tagNumber += 1
        return "A\(tagNumber)"
    }

    private func send(_ line: String) async throws {
        try await channel.writeAndFlush(ByteBuffer(string: line + "\r\n")).get()
    }

    private func next(wait: TimeAmount? = nil) async throws -> IMAPResponse {
        let timer = channel.eventLoop.scheduleTask(in: wait ?? timeout) { [channel] in channel.close(promise: nil) }
        defer { timer.cancel() }
        guard let response = await responses.next() else { throw IMAPError(message: "the server closed the connection") }
        return response
    }

    /// An IMAP quoted string (or a literal-free form of it).
    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func isLocal(_ host: String) -> Bool { host == "127.0.0.1" || host == "localhost" || host == "::1" }
}

/// Hands decoded responses to the session.
private final class ResponseRelay: ChannelInboundHandler, @unchecked Sendable {  // used on its channel's event loop only
    typealias InboundIn = IMAPResponse
    private let continuation: AsyncStream<IMAPResponse>.Continuation

    init(_ continuation: AsyncStream<IMAPResponse>.Continuation) { self.continuation = continuation }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) { continuation.yield(unwrapInboundIn(data)) }

    func channelInactive(context: ChannelHandlerContext) {
        continuation.finish()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        continuation.finish()
        context.close(promise: nil)
    }
}

