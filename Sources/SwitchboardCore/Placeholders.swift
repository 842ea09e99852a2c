import Foundation

/// Text with placeholders like `{{ticket.number}}` or `{{requester.first_name}}`, filled in for
/// one ticket: macro replies, automation emails and notes. Only the names listed here exist;
/// a template naming another is refused when it is saved, never filled with nothing.
public enum Placeholders {
    /// Every placeholder, with what it stands for.
    public static let names: [String] = [
        "ticket.id", "ticket.number", "ticket.subject", "ticket.status", "ticket.priority", "ticket.type", "ticket.channel", "ticket.tags",
        "ticket.link", "requester.name", "requester.first_name", "requester.email", "organization.name", "agent.name", "agent.first_name",
        "agent.email", "assignee.name", "assignee.first_name", "team.name",
    ]

    /// The values for one ticket (missing ones are empty).
    public struct Values: Sendable {
        public var ticket: Ticket
        public var link: String
        public var requesterName: String
        public var requesterEmail: String
        public var organization: String
        public var agentName: String
        public var agentEmail: String
        public var assigneeName: String
        public var teamName: String

        public init(
            ticket: Ticket, link: String = "", requesterName: String = "", requesterEmail: String = "", organization: String = "",
            agentName: String = "", agentEmail: String = "", assigneeName: String = "", teamName: String = ""
        ) {
            self.ticket = ticket
            self.link = link
            self.requesterName = requesterName
            self.requesterEmail = requesterEmail
            self.organization = organization
            self.agentName = agentName
            self.agentEmail = agentEmail
            self.assigneeName = assigneeName
            self.teamName = teamName
        }

        func value(_ name: String) -> String {
            func first(_ full: String) -> String { String(full.split(separator: " ").first ?? "") }
            switch name {
            case "ticket.id": return String(ticket.id)
            case "ticket.number": return String(ticket.number)
            case "ticket.subject": return ticket.subject
            case "ticket.status": return ticket.status.rawValue
            case "ticket.priority": return ticket.priority.rawValue
            case "ticket.type": return ticket.type.rawValue
            case "ticket.channel": return ticket.channel.rawValue
            case "ticket.tags": return ticket.tags.joined(separator: ", ")
            case "ticket.link": return link
            case "requester.name": return requesterName
            case "requester.first_name": return first(requesterName)
            case "requester.email": return requesterEmail
            case "organization.name": return organization
            case "agent.name": return agentName
            case "agent.first_name": return first(agentName)
            case "agent.email": return agentEmail
            case "assignee.name": return assigneeName
            case "assignee.first_name": return first(assigneeName)
            case "team.name": return teamName
            default: return ""
            }
        }
    }

    /// The placeholder names a template uses, in order (with repeats).
    static func used(in template: String) -> [String] {
        var out: [String] = []
        var rest = template[...]
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            out.append(rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces))
            rest = rest[close.upperBound...]
        }
        return out
    }

    /// Refuses a template with a placeholder that does not exist, or one left open.
    public static func validate(_ template: String, field: String) throws(DomainError) {
        for name in used(in: template) where !names.contains(name) {
            throw .invalid(field: field, "\(name) is not a placeholder")
        }
        let opens = template.components(separatedBy: "{{").count - 1
        let closes = template.components(separatedBy: "}}").count - 1
        if opens != closes { throw .invalid(field: field, "a placeholder is not closed with }}") }
    }

    /// The template with every placeholder filled in.
    public static func render(_ template: String, _ values: Values) -> String {
        var out = ""
        var rest = template[...]
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            out += rest[..<open.lowerBound]
            out += values.value(rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces))
            rest = rest[close.upperBound...]
        }
        return out + rest
    }
}
