import NIOCore
import NIOSSL

/// TLS as the SMTP and IMAP clients use it: the system's trust roots plus any extra ones, SNI
/// with host names only, and STARTTLS added on the connection's event loop.
enum MailTLS {
    static func context(extraTrustRoots: [NIOSSLAdditionalTrustRoots]) throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.additionalTrustRoots = extraTrustRoots
        return try NIOSSLContext(configuration: configuration)
    }

    static func handler(_ context: NIOSSLContext, host: String) throws -> NIOSSLClientHandler {
        try NIOSSLClientHandler(context: context, serverHostname: sniName(host))
    }

    /// Puts TLS in front of a connection that is already talking (STARTTLS).
    static func start(on channel: any Channel, context: NIOSSLContext, host: String) async throws {
        try await channel.eventLoop.submit {
            try channel.pipeline.syncOperations.addHandler(try handler(context, host: host), position: .first)
        }.get()
    }

    /// Server names for SNI must not be IP addresses.
    private static func sniName(_ host: String) -> String? {
        host.allSatisfy { $0.isNumber || $0 == "." || $0 == ":" } ? nil : host
    }
}
