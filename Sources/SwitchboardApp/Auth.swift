import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// The signed-in staff member of a request and how they proved it.
struct Principal: Sendable {
    enum Method: Sendable {
        case session(csrf: String)
        case token(id: Int64)
    }
    let user: User
    let method: Method

    var actor: Actor { .user(user.id) }
    var viewer: Viewer { Viewer(userId: user.id, teamIds: user.teamIds) }
}

enum SessionCookie {
    static let name = "sb_session"
}

extension Request {
    private struct PrincipalKey: StorageKey { typealias Value = Principal }

    /// The signed-in staff member; a 401 problem when there is none.
    func principal() async throws -> Principal {
        if let cached = storage[PrincipalKey.self] { return cached }
        let now = store.clock()
        var found: Principal?
        let cache = application.principals
        if let bearer = headers.bearerAuthorization {
            let hash = Secrets.hash(bearer.token)
            if let hit = await cache.get("token:" + hash, now: now) {
                found = hit
            } else if let hit = try await store.read({ try await $0.tokenUser(tokenHash: hash) }) {
                found = Principal(user: hit.user, method: .token(id: hit.tokenId))
                if (hit.lastUsedAt.map { now.timeIntervalSince($0) } ?? .infinity) > 60 {
                    let id = hit.tokenId
                    try await store.write { try await $0.touchToken(id: id) }
                }
                if let found { await cache.put("token:" + hash, found, now: now) }
            } else {
                throw DomainError(.unauthorized, "the API token is not valid or was revoked")
            }
        } else if let cookie = cookies[SessionCookie.name]?.string {
            let hash = Secrets.hash(cookie)
            if let hit = await cache.get("session:" + hash, now: now) {
                found = hit
            } else if let hit = try await store.read({ try await $0.session(tokenHash: hash, now: now) }) {
                found = Principal(user: hit.user, method: .session(csrf: hit.csrf))
                if let found { await cache.put("session:" + hash, found, now: now) }
            }
        }
        guard let principal = found else { throw DomainError.signInRequired }
        if case .session(let csrf) = principal.method, ![.GET, .HEAD, .OPTIONS].contains(method) {
            // Cookies ride along on cross-site requests; the CSRF token does not.
            // Scripts send the header; plain HTML forms send the `_csrf` field.
            let sent = headers.first(name: "X-CSRF-Token")
                ?? (headers.contentType == .urlEncodedForm || headers.contentType?.subType == "form-data"
                    ? try? content.get(String.self, at: "_csrf") : nil)
            guard let sent, Secrets.constantTimeEqual(sent, csrf) else {
                throw DomainError(.forbidden, "missing or wrong X-CSRF-Token header for a signed-in browser session")
            }
        }
        storage[PrincipalKey.self] = principal
        return principal
    }

    /// The signed-in staff member, if their role allows `permission`; 403 otherwise.
    func authorize(_ permission: Permission) async throws -> Principal {
        let principal = try await principal()
        guard principal.user.role.allows(permission) else {
            throw DomainError.forbidden("your role (\(principal.user.role.rawValue)) may not \(Self.describe(permission))")
        }
        return principal
    }

    private static func describe(_ p: Permission) -> String {
        switch p {
        case .viewTickets: "view tickets"
        case .editTickets: "change tickets"
        case .deleteTickets: "delete tickets"
        case .mergeTickets: "merge tickets"
        case .viewContacts: "view customers"
        case .editContacts: "change customers"
        case .mergeContacts: "merge customers"
        case .viewUsers: "view staff"
        case .manageUsers: "manage staff"
        case .manageTeams: "manage teams"
        case .manageSharedViews: "manage shared views"
        case .manageFields: "manage custom fields"
        case .manageServiceLevels: "manage service levels"
        case .viewAudit: "read the audit log"
        case .manageOwnTokens: "manage API tokens"
        case .manageSettings: "change workspace settings"
        }
    }
}

/// Failed sign-ins per account and per client address, counted in the database so that every
/// instance sees the same numbers.
enum SignInThrottle {
    static let window: TimeInterval = 15 * 60
    static let perAccount = 5
    static let perAddress = 20

    static func keys(email: String, address: String?) -> [(key: String, limit: Int)] {
        [("account:" + email.lowercased(), perAccount), ("address:" + (address ?? "unknown"), perAddress)]
    }

    static func check(_ store: Store, email: String, address: String?) async throws {
        let since = store.clock().addingTimeInterval(-window)
        for (key, limit) in keys(email: email, address: address) {
            let failures = try await store.read { try await $0.signInFailures(key: key, since: since) }
            if failures >= limit {
                throw DomainError(.tooManyRequests, "too many failed sign-ins; try again in 15 minutes")
            }
        }
    }

    static func fail(_ store: Store, email: String, address: String?) async throws {
        let since = store.clock().addingTimeInterval(-window)
        let keys = keys(email: email, address: address)
        try await store.write { ctx in
            for (key, _) in keys { try await ctx.noteSignInFailure(key: key, windowStart: since) }
        }
    }

    static func succeed(_ store: Store, email: String) async throws {
        try await store.write { try await $0.clearSignInFailures(key: "account:" + email.lowercased()) }
    }
}

/// Remembers who a token or session belongs to for a few seconds, so that most requests need no
/// query to authenticate. Changes to users, tokens and sessions on this instance clear it at
/// once; other instances see them within `lifetime`.
actor PrincipalCache {
    static let lifetime: TimeInterval = 5
    private var entries: [String: (principal: Principal, until: Date)] = [:]

    func get(_ key: String, now: Date) -> Principal? {
        guard let entry = entries[key] else { return nil }
        if entry.until < now {
            entries[key] = nil
            return nil
        }
        return entry.principal
    }

    func put(_ key: String, _ principal: Principal, now: Date) {
        if entries.count > 10_000 { entries.removeAll() }
        entries[key] = (principal, now.addingTimeInterval(Self.lifetime))
    }

    func clear() { entries.removeAll() }
}

extension Application {
    private struct PrincipalCacheKey: StorageKey { typealias Value = PrincipalCache }

    /// The authentication cache (see `PrincipalCache`).
    var principals: PrincipalCache {
        get {
            if let cache = storage[PrincipalCacheKey.self] { return cache }
            let cache = PrincipalCache()
            storage[PrincipalCacheKey.self] = cache
            return cache
        }
        set { storage[PrincipalCacheKey.self] = newValue }
    }
}
