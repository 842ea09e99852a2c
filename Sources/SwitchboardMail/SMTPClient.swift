import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Delivers one message to an SMTP server over SwiftNIO, driving `SMTPConversation`.
public struct SMTPClient: Sendable {
    public enum Security: Sendable { case tls, starttls, none }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    public var password: String?
    /// The name we greet with (EHLO).
    public var heloName: String
    public var timeout: TimeAmount = .seconds(60)
    /// Certificate authorities trusted besides the system's.
    public var extraTrustRoots: [NIOSSLAdditionalTrustRoots] = []

    public init(host: String, port: Int, security: Security, username: String?, password: String?, heloName: String) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.heloName = heloName
    }

    /// Sends `message` from `from` to `recipients`; returns the recipients the server took.
    public func send(_ message: [UInt8], from: String, to recipients: [String]) async throws -> [String] {
        let (replies, continuation) = AsyncStream.makeStream(of: SMTPReply.self)
        let tls = try MailTLS.context(extraTrustRoots: extraTrustRoots)
        let host = self.host
        let implicitTLS = security == .tls
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(timeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if implicitTLS {
                        try channel.pipeline.syncOperations.addHandler(try MailTLS.handler(tls, host: host))
                    }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineDecoder()))
                    try channel.pipeline.syncOperations.addHandler(ReplyCollector(continuation))
                }
            }
            .connect(host: host, port: port).get()
        defer { channel.close(promise: nil) }
        var conversation = SMTPConversation(
            heloName: heloName, implicitTLS: implicitTLS, requireTLS: security == .starttls, username: username, password: password,
            from: from, recipients: recipients)
        var iterator = replies.makeAsyncIterator()
        var action = try await conversation.receive(next(&iterator, channel))
        while true {
            switch action {
            case .send(let line):
                try await channel.writeAndFlush(ByteBuffer(string: line + "\r\n")).get()
                action = conversation.receive(try await next(&iterator, channel))
            case .startTLS:
                try await MailTLS.start(on: channel, context: tls, host: host)
                action = conversation.tlsStarted()
            case .sendMessage:
                try await channel.writeAndFlush(ByteBuffer(bytes: SMTPConversation.dataBlock(message))).get()
                action = conversation.receive(try await next(&iterator, channel))
            case .done:
                return conversation.accepted
            case .fail(let error):
                throw error
            }
        }
    }

    /// The next reply, or a temporary failure when the server goes quiet or away.
    private func next(_ iterator: inout AsyncStream<SMTPReply>.AsyncIterator, _ channel: any Channel) async throws -> SMTPReply {
        let timer = channel.eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
        defer { timer.cancel() }
        guard let reply = await iterator.next() else {
            throw SMTPError(code: nil, message: "the server closed the connection", permanent: false)
        }
        return reply
    }


}

/// Gathers reply lines (`250-…` continues, `250 …` ends) into replies.
private final class ReplyCollector: ChannelInboundHandler, @unchecked Sendable {  // used on its channel's event loop only
    typealias InboundIn = ByteBuffer
    private let continuation: AsyncStream<SMTPReply>.Continuation
    private var lines: [String] = []

    init(_ continuation: AsyncStream<SMTPReply>.Continuation) { self.continuation = continuation }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        var line = buffer.readString(length: buffer.readableBytes) ?? ""
        if line.hasSuffix("\r") { line.removeLast() }
        let code = Int(line.prefix(3))
        let text = line.count > 4 ? String(line.dropFirst(4)) : ""
        lines.append(text)
        let more = line.count > 3 && line[line.index(line.startIndex, offsetBy: 3)] == "-"
        if !more {
            continuation.yield(SMTPReply(code: code ?? 0, lines: lines))
            lines = []
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        continuation.finish()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        continuation.finish()
        context.close(promise: nil)
    }
}

/// Splits the stream into lines at LF (the CR stays for the reader to drop).
struct LineDecoder: ByteToMessageDecoder {
    typealias InboundOut = ByteBuffer

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: 0x0A) else { return .needMoreData }
        let length = newline - buffer.readerIndex
        guard let line = buffer.readSlice(length: length) else { return .needMoreData }
        buffer.moveReaderIndex(forwardBy: 1)
        context.fireChannelRead(wrapInboundOut(line))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }
}
