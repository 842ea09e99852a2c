import Foundation
import SwitchboardCore
import SwitchboardStore
import Vapor

/// The body of creating or changing a mailbox. On change, absent fields stay as they are;
/// `imap` or `smtp` set to null removes them; a password left out keeps the one stored.
struct MailboxRequest: Decodable, Sendable {
    struct IMAP: Decodable, Sendable {
        var host: String
        var port: Int?
        var security: MailSecurity?
        var username: String
        var password: String?
        var folder: String?
        var moveTo: String?
        enum CodingKeys: String, CodingKey {
            case host, port, security, username, password, folder
            case moveTo = "move_to"
        }
    }

    struct SMTP: Decodable, Sendable {
        var host: String
        var port: Int?
        var security: MailSecurity?
        var username: String?
        var password: String?
    }

    /// Absent, explicitly null, or a value.
    enum Change<T: Sendable>: Sendable {
        case keep, remove, set(T)
    }

    var name: String?
    var address: String?
    var fromName: String?
    var teamId: Int64??
    var signature: String?
    var acknowledgement: String?
    var active: Bool?
    var imap: Change<IMAP> = .keep
    var smtp: Change<SMTP> = .keep

    enum CodingKeys: String, CodingKey {
        case name, address, signature, acknowledgement, active, imap, smtp
        case fromName = "from_name", teamId = "team_id"
    }

    init(
        name: String?, address: String?, fromName: String?, teamId: Int64??, signature: String?, acknowledgement: String?, active: Bool?,
        imap: Change<IMAP>, smtp: Change<SMTP>
    ) {
        self.acknowledgement = acknowledgement
        self.name = name
        self.address = address
        self.fromName = fromName
        self.teamId = teamId
        self.signature = signature
        self.active = active
        self.imap = imap
        self.smtp = smtp
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        address = try c.decodeIfPresent(String.self, forKey: .address)
        fromName = try c.decodeIfPresent(String.self, forKey: .fromName)
        if c.contains(.teamId) { teamId = .some(try c.decodeIfPresent(Int64.self, forKey: .teamId)) }
        signature = try c.decodeIfPresent(String.self, forKey: .signature)
        acknowledgement = try c.decodeIfPresent(String.self, forKey: .acknowledgement)
        active = try c.decodeIfPresent(Bool.self, forKey: .active)
        if c.contains(.imap) { imap = try c.decodeNil(forKey: .imap) ? .remove : .set(try c.decode(IMAP.self, forKey: .imap)) }
        if c.contains(.smtp) { smtp = try c.decodeNil(forKey: .smtp) ? .remove : .set(try c.decode(SMTP.self, forKey: .smtp)) }
    }

    /// The validated input, starting from `existing` when changing one.
    static func input(_ r: MailboxRequest, existing: SupportMailbox?) throws -> MailboxInput {
        let name = try validatedText(r.name ?? existing?.name, field: "name", max: 200) ?? ""
        guard let rawAddress = r.address ?? existing?.address else { throw DomainError.invalid(field: "address", "is required") }
        let address = try EmailAddress(rawAddress, field: "address")
        let fromName = try r.fromName.map { try validatedText($0, field: "from_name", max: 200, required: false) } ?? existing?.fromName
        let signature = try r.signature.map { try validatedText($0, field: "signature", max: 5000, required: false) } ?? existing?.signature
        let acknowledgement = try r.acknowledgement.map { try validatedText($0, field: "acknowledgement", max: 5000, required: false) }
            ?? existing?.acknowledgement
        var imap = existing?.imap
        switch r.imap {
        case .keep: break
        case .remove: imap = nil
        case .set(let s):
            imap = IMAPSettings(
                host: try host(s.host, field: "imap.host"), port: try port(s.port, default: s.security == .starttls || s.security == MailSecurity.none ? 143 : 993, field: "imap.port"),
                security: s.security ?? .tls, username: try validatedText(s.username, field: "imap.username", max: 320) ?? "",
                password: s.password ?? existing?.imap?.password ?? "",
                folder: try validatedText(s.folder ?? "INBOX", field: "imap.folder", max: 200) ?? "INBOX",
                moveTo: try s.moveTo.flatMap { try validatedText($0, field: "imap.move_to", max: 200, required: false) })
        }
        var smtp = existing?.smtp
        switch r.smtp {
        case .keep: break
        case .remove: smtp = nil
        case .set(let s):
            let security = s.security ?? .starttls
            smtp = SMTPSettings(
                host: try host(s.host, field: "smtp.host"), port: try port(s.port, default: security == .tls ? 465 : 587, field: "smtp.port"),
                security: security, username: try s.username.flatMap { try validatedText($0, field: "smtp.username", max: 320, required: false) },
                password: s.password ?? existing?.smtp?.password)
        }
        return MailboxInput(
            name: name, address: address, fromName: fromName ?? nil, teamId: r.teamId ?? existing?.teamId, signature: signature ?? nil,
            acknowledgement: acknowledgement ?? nil, active: r.active ?? existing?.active ?? true, imap: imap, smtp: smtp)
    }

    private static func host(_ raw: String, field: String) throws -> String {
        let host = raw.trimmingCharacters(in: .whitespaces)
        guard !host.isEmpty, host.count <= 253, host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-:[]".contains($0)) }) else {
            throw DomainError.invalid(field: field, "is not a host name or address")
        }
        return host
    }

    private static func port(_ raw: Int?, default value: Int, field: String) throws -> Int {
        let port = raw ?? value
        guard (1...65535).contains(port) else { throw DomainError.invalid(field: field, "must be between 1 and 65535") }
        return port
    }
}
