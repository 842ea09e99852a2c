import Foundation
import SwitchboardCore

/// The messages of the domain (English, made for the API's problem documents) in the language
/// of the page that shows them. Each row is a message template, `{name}` standing for a part
/// that varies, and the catalogue key that says it; `{name:status}` means the part is a value
/// whose own name is in the catalogue under `status.<value>` (likewise `type`). A test holds every message the sources can throw against this
/// table, so a new message without a translation fails the build's tests.
enum FormMessages {
    static let rows: [(template: String, key: String)] = [
        ("is required", "error.required"),
        ("is longer than {max} characters", "error.too_long"),
        ("must be at most {max} characters", "error.too_long"),
        ("is too long", "error.too_long_plain"),
        ("must be at least {min} characters", "error.too_short"),
        ("is not an email address", "error.email"),
        ("has an invalid local part", "error.email"),
        ("has an invalid domain", "error.email"),
        ("is too long for a phone number", "error.phone"),
        ("needs a country code in international form, like +380441234567", "error.phone"),
        ("may contain only digits, spaces, dashes, dots and brackets", "error.phone"),
        ("is not a valid E.164 number (7 to 15 digits after +)", "error.phone"),
        ("is not a language tag like en, uk or pt-BR", "error.locale"),
        ("is not a time zone like Europe/Kyiv", "error.time_zone"),
        ("{date} is not a date like 2026-12-25", "error.holiday_date"),
        ("an interval must start before it ends, within the day", "error.interval"),
        ("has no business hours at all", "error.no_hours"),
        ("intervals overlap", "error.intervals_overlap"),
        ("must have seven days, Monday first", "error.seven_days"),
        ("must be a date like 2026-11-23", "error.date"),
        ("must be one of: {options}", "error.one_of"),
        ("must be a finite number", "error.number"),
        ("must be a {kind} value", "error.value"),
        ("has an invalid value: {value}", "error.choose"),
        ("must be related, parent or child", "error.choose"),
        ("is not a custom field", "error.unknown_field"),
        ("the type {type:type} is turned off", "error.type_off"),
        ("question is the default type and stays on", "error.question_stays"),
        ("contains duplicates", "error.duplicates"),
        ("a custom field with this key already exists", "error.field_key_taken"),
        ("must be 1–64 lower-case letters, digits or underscores, starting with a letter", "error.field_key"),
        ("a dropdown needs at least one option", "error.dropdown_options"),
        ("only dropdown fields have options", "error.options_dropdown_only"),
        ("a tag cannot be empty", "error.tag_empty"),
        ("a tag cannot contain commas or line breaks", "error.tag_characters"),
        ("a tag is longer than 64 characters", "error.tag_long"),
        ("at most 50 tags", "error.tags_many"),
        ("is the same tag", "error.same_tag"),
        ("a closed ticket cannot be merged", "error.closed_merge"),
        ("a closed ticket cannot be split", "error.closed_split"),
        ("a closed ticket is final and cannot be changed", "error.closed_final"),
        ("a closed ticket is final; open a follow-up ticket", "error.closed_final"),
        ("a closed ticket is final; reply to open a follow-up ticket", "error.closed_final"),
        ("a ticket cannot move back to new", "error.back_to_new"),
        ("a ticket cannot move from {from:status} to {to:status}", "error.transition"),
        ("a ticket cannot link to itself", "error.link_self"),
        ("a ticket's only message cannot be split off", "error.split_only"),
        ("cannot merge a ticket into itself", "error.merge_self"),
        ("cannot merge into a closed ticket", "error.merge_closed"),
        ("cannot merge a contact into itself", "error.merge_contact_self"),
        ("customers cannot write internal notes", "error.customer_note"),
        ("the requester has no email to open a follow-up with", "error.follow_up_email"),
        ("a team with this name already exists", "error.team_taken"),
        ("a user with this email already exists", "error.user_taken"),
        ("you cannot deactivate yourself", "error.deactivate_self"),
        ("you cannot change your own role", "error.own_role"),
        ("a mailbox with this address already exists", "error.mailbox_taken"),
        ("is not a host name or address", "error.host"),
        ("must be between 1 and 65535", "error.port"),
        ("must be message/rfc822", "error.mail_type"),
        ("is turned off", "error.turned_off"),
        ("needs an active member without a password", "error.invite_needs"),
        ("at most 100 attributes and 16 KB", "error.attributes_many"),
        ("at most 20 emails and 20 phones", "error.identities_many"),
        ("at most 50 domains", "error.domains_many"),
        ("{domain} already belongs to organization {other}", "error.domain_taken"),
        ("{value} already belongs to contact {owner}", "error.identity_taken"),
        ("contact {id} does not exist", "error.no_contact"),
        ("organization {id} does not exist", "error.no_organization"),
        ("team {id} does not exist", "error.no_team"),
        ("user {id} does not exist", "error.no_user"),
        ("user {id} does not exist or is inactive", "error.no_worker"),
        ("user {id} cannot work tickets", "error.no_worker"),
        ("user {id} does not exist, is inactive or cannot work tickets", "error.no_worker"),
        ("{what} not found", "error.not_found"),
        ("the workspace is not set up yet", "error.no_workspace"),
        ("the email or password is not right", "signin.wrong"),
        ("too many failed sign-ins; try again in 15 minutes", "signin.throttled"),
        ("sign in or send an API token (Authorization: Bearer …)", "error.sign_in"),
        ("a solved ticket is not escalated", "error.solved_not_escalated"),
        ("a closed ticket takes no new side conversations", "error.closed_no_side_conversation"),
        ("name at least one colleague to ask", "error.name_a_colleague"),
        ("must be open or closed", "error.open_or_closed"),
        ("a policy has at most {max} escalations", "error.escalations_many"),
        ("the side conversation is closed; open it again to write", "error.side_conversation_closed"),
        ("the ticket is already with the last tier", "error.last_tier"),
        ("name a team (or none) for tier 2 and tier 3", "error.tier_teams"),
        ("an SLA policy with this name already exists", "error.sla_name_taken"),
        ("business hours with this name already exist", "error.hours_name_taken"),
        ("business hours {id} do not exist", "error.no_hours_calendar"),
        ("the SLA policy {name} uses these business hours", "error.hours_in_use"),
        ("an at-risk escalation needs minutes before the due time", "error.at_risk_minutes"),
        ("only at-risk escalations take minutes before", "error.minutes_only_at_risk"),
        ("an empty list matches no ticket; leave it out to match all", "error.empty_condition"),
        ("choose at least one action", "error.choose_action"),
        ("clocks can pause only while pending or on hold, not {status:status}", "error.pause_statuses"),
        ("moving to a team needs the team", "error.move_needs_team"),
        ("must be between 1 and {max} minutes", "error.minutes_range"),
        ("set at least one target", "error.one_target"),
        ("the policy has no {metric} target", "error.no_metric_target"),
        ("write hours like 09:00-17:30, separated by commas", "error.day_format"),
        ("must be a whole number", "error.whole_number"),
        ("a level must be between 1 and 5", "error.level_range"),
        ("a skill with this name already exists", "error.skill_name_taken"),
        ("is not a ticket type", "error.not_a_type"),
        ("must be 1 to 64 characters", "error.one_to_64"),
        ("must be between 0 and 1000", "error.capacity_range"),
        ("must be between 1 and 5", "error.level_range"),
        ("skill {id} does not exist", "error.no_skill"),
        ("you may only change your own availability", "error.own_availability"),
        ("{name} is not a placeholder", "error.no_placeholder"),
        ("a placeholder is not closed with }}", "error.placeholder_open"),
        ("a time rule needs a condition on hours since created, updated, pending or solved", "error.time_rule_needs_time"),
        ("an automation with this name already exists", "error.automation_name_taken"),
        ("choose when the trigger runs: created, updated or replied", "error.trigger_events"),
        ("is not a valid {what}", "error.not_valid"),
        ("must be a number of hours from 1 to 8760", "error.hours_range"),
        ("must be a tag", "error.must_be_tag"),
        ("must be an http or https URL", "error.http_url"),
        ("must be an id, or null for none", "error.id_or_null"),
        ("must be text of 1 to 500 characters", "error.text_1_500"),
        ("name at least one tag", "error.one_tag"),
        ("time rules run on the clock, not on events", "error.time_rule_events"),
        ("time rules see no changes; use is or is_not", "error.time_rule_changes"),
        (
            "this trigger and “{name}” would fire each other on every update, each undoing what the other set: change the actions or conditions of one of them",
            "error.triggers_loop"
        ),
        ("this rule would run again on every round: an action must undo one of its conditions (for example set the status it checks, or add a tag it requires to be absent)", "error.rule_repeats"),
        ("{op} does not apply to {field}; use one of {list}", "error.operator_field"),
        ("a macro is personal or for a team, not both", "error.macro_scope"),
        ("a macro needs a reply or a field change", "error.macro_empty"),
        ("macros change fields; use an automation for {kind}", "error.macro_action"),
        ("{language} is not a language tag like en, uk or pl", "error.language_tag"),
        ("a team macro needs the team", "error.team_macro"),
        ("must be one of: personal, team, shared", "error.macro_scope_value"),
        ("the ticket is already with this team", "error.same_team"),
        ("name at least one person", "error.one_person"),
        ("your role may not share macros", "error.share_macros"),
        ("write rules like type:complaint, tag:refund, language:pl", "error.rules_format"),
    ]

    private struct Row {
        let regex: NSRegularExpression
        let key: String
        /// The names of the varying parts, in order, each with the catalogue prefix that names
        /// its values, if any.
        let parts: [(name: String, valuePrefix: String?)]
    }

    /// The templates as anchored patterns, compiled once.
    private static let table: [Row] = rows.compactMap { template, key in
        var pattern = "^"
        var parts: [(String, String?)] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            pattern += NSRegularExpression.escapedPattern(for: String(rest[..<open])) + "(.+?)"
            let name = rest[rest.index(after: open)..<close].split(separator: ":")
            parts.append((String(name.first ?? ""), name.dropFirst().first.map(String.init)))
            rest = rest[rest.index(after: close)...]
        }
        pattern += NSRegularExpression.escapedPattern(for: String(rest)) + "$"
        return (try? NSRegularExpression(pattern: pattern)).map { Row(regex: $0, key: key, parts: parts) }
    }

    /// The catalogue key and arguments for `message`, or nil when no template matches.
    static func match(_ message: String) -> (key: String, arguments: [String: String], prefixes: [String: String])? {
        for row in table {
            guard let found = row.regex.firstMatch(in: message, range: NSRange(message.startIndex..., in: message)) else { continue }
            var arguments: [String: String] = [:]
            for (i, part) in row.parts.enumerated() {
                if let range = Range(found.range(at: i + 1), in: message) { arguments[part.name] = String(message[range]) }
            }
            var prefixes: [String: String] = [:]
            for part in row.parts { prefixes[part.name] = part.valuePrefix }
            return (row.key, arguments, prefixes)
        }
        return nil
    }

    static func text(_ error: DomainError, _ l: Localizer) -> String { text(error.message, l) }

    /// `message` in the page's language; a message no template knows stays as it is.
    static func text(_ message: String, _ l: Localizer) -> String {
        guard let (key, arguments, prefixes) = match(message) else { return message }
        var filled = arguments
        for (name, prefix) in prefixes {
            if let raw = arguments[name] { filled[name] = l.text(prefix + "." + raw) }
        }
        return l.text(key, filled)
    }
}
