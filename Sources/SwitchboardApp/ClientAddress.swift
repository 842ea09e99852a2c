import Foundation
import Vapor

/// The address a request came from, for the sign-in throttle. Behind a load balancer every
/// request comes from the balancer: when the peer is one of the trusted proxies
/// (`SWITCHBOARD_TRUSTED_PROXIES`), the client is the nearest address in `X-Forwarded-For`
/// that is not one of them (the ones further left a client can write itself).
enum ClientAddress {
    /// One trusted proxy: an address, or an IPv4 network in CIDR notation (`10.0.0.0/8`).
    struct Proxy: Sendable, Equatable {
        let address: String
        let network: (base: UInt32, mask: UInt32)?

        init?(_ text: String) {
            let text = text.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return nil }
            if let slash = text.firstIndex(of: "/") {
                guard let base = ClientAddress.ipv4(String(text[..<slash])), let bits = Int(text[text.index(after: slash)...]), (0...32).contains(bits)
                else { return nil }
                let mask: UInt32 = bits == 0 ? 0 : ~UInt32(0) << (32 - bits)
                (address, network) = (text, (base & mask, mask))
            } else {
                (address, network) = (text.lowercased(), nil)
            }
        }

        func contains(_ candidate: String) -> Bool {
            guard let network else { return candidate.lowercased() == address }
            guard let value = ClientAddress.ipv4(candidate) else { return false }
            return value & network.mask == network.base
        }

        static func == (a: Proxy, b: Proxy) -> Bool { a.address == b.address }
    }

    /// Parses `SWITCHBOARD_TRUSTED_PROXIES`: addresses and IPv4 networks, comma-separated.
    static func proxies(_ text: String) throws -> [Proxy] {
        try text.split(separator: ",").map { part in
            guard let proxy = Proxy(String(part)) else {
                throw CommandLineError("SWITCHBOARD_TRUSTED_PROXIES: “\(part)” is neither an address nor an IPv4 network such as 10.0.0.0/8")
            }
            return proxy
        }
    }

    /// The client's address: the peer's, or when the peer is a trusted proxy the nearest
    /// untrusted address of `forwardedFor` (its header values in order).
    static func resolve(peer: String?, forwardedFor: [String], trusted: [Proxy]) -> String? {
        guard let peer, trusted.contains(where: { $0.contains(peer) }) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return hops.reversed().first { hop in !trusted.contains { $0.contains(hop) } } ?? hops.first ?? peer
    }

    static func ipv4(_ text: String) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard part.count <= 3, let byte = UInt8(part) else { return nil }
            value = value << 8 | UInt32(byte)
        }
        return value
    }
}

extension Request {
    /// The client's address, through trusted proxies (see `ClientAddress`).
    var clientAddress: String? {
        ClientAddress.resolve(
            peer: remoteAddress?.ipAddress, forwardedFor: headers[.xForwardedFor], trusted: application.config.trustedProxies)
    }
}
