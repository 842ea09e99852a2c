import Foundation

extension DemoWorkspace {
    /// One turn of a conversation.
    enum Step {
        /// Customer: the first message.
        case opening
        /// Staff: first answer, asking for details.
        case reply
        /// Customer: answers the reply.
        case followUp
        /// Staff: solves the ticket.
        case resolution
        /// Customer: thanks after the resolution.
        case thanks
        /// Customer: asks for news.
        case nudge
        /// Staff: waiting on another department.
        case hold
        /// Staff: internal note.
        case note

        var isCustomer: Bool {
            switch self {
            case .opening, .followUp, .thanks, .nudge: true
            case .reply, .resolution, .hold, .note: false
            }
        }

        /// How long after the previous message this one is usually written, in seconds.
        func delay(random: inout DemoRandom) -> Int {
            switch self {
            case .opening: 0
            case .note: random.int(in: 60...10_800)
            case .reply, .resolution, .hold:
                random.chance(0.6) ? random.int(in: 300...7_200) : random.int(in: 7_200...72_000)
            case .followUp, .nudge, .thanks:
                random.chance(0.5) ? random.int(in: 600...14_400) : random.int(in: 14_400...172_800)
            }
        }
    }

    /// Everything needed to write one ticket's messages in the requester's language.
    struct Conversation {
        let book: Phrasebook
        let script: Script
        /// Which of the topic's stories this ticket tells; see `Script`.
        let variant: Int
        let notes: [String]
        let details: Details
        let channel: ChannelKind
        let customerName: String
        let agentName: String
        let assignee: Int?
        let noteAuthor: Int?
        let isVip: Bool
        /// One greeting and sign-off per ticket: people don't change theirs mid-conversation.
        let staffGreeting: String
        let staffSignoff: String
        let customerSignoff: String

        /// Live channels carry bare lines; email and web messages get a greeting and a signature.
        private var isLive: Bool { channel == .chat || channel == .messaging || channel == .phone }

        /// The messages for `steps`, the first at `createdAt`, each later one after it, the last no
        /// later than `age` seconds after `createdAt` (that is, `now`).
        func messages(_ steps: [Step], createdAt: Date, age: Int, random: inout DemoRandom) -> [Message] {
            var delays = steps.map { $0.delay(random: &random) }
            // Squeeze the conversation into the time since the ticket was created.
            let total = delays.reduce(0, +)
            let budget = max(age - 60, steps.count)
            if total > budget {
                delays = delays.enumerated().map { i, delay in i == 0 ? 0 : max(1, delay * budget / total) }
            }
            var offset = 0
            var out: [Message] = []
            for (step, delay) in zip(steps, delays) {
                offset += delay
                let date = createdAt.addingTimeInterval(Double(offset))
                if step.isCustomer {
                    out.append(
                        Message(
                            authorKind: .contact, staffIndex: nil, visibility: .public,
                            body: customerText(step, random: &random), createdAt: date))
                } else if step == .note {
                    out.append(
                        Message(
                            authorKind: .staff, staffIndex: noteAuthor ?? assignee, visibility: .internal,
                            body: noteText(first: !out.contains { $0.visibility == .internal }),
                            createdAt: date))
                } else {
                    let text = staffText(step, random: &random)
                    out.append(
                        Message(authorKind: .staff, staffIndex: assignee, visibility: .public, body: text, createdAt: date))
                }
            }
            return out
        }

        private func customerText(_ step: Step, random: inout DemoRandom) -> String {
            switch step {
            case .opening:
                let text = details.fill(told(script.openings))
                if isLive { return text }
                return "\(random.pick(book.customerGreetings))\n\n\(text)\n\n\(customerSignoff)\n\(customerName)"
            case .followUp, .nudge, .thanks:
                let text = details.fill(
                    step == .followUp ? told(script.followUps) : random.pick(step == .nudge ? book.nudges : book.thanks))
                return isLive ? text : "\(text)\n\n\(customerName)"
            case .reply, .resolution, .hold, .note:
                return ""
            }
        }

        /// The entry of a script list that continues this ticket's story.
        private func told(_ items: [String]) -> String {
            items.isEmpty ? "" : items[variant % items.count]
        }

        private func staffText(_ step: Step, random: inout DemoRandom) -> String {
            let template: String
            switch step {
            case .reply: template = told(script.replies)
            case .resolution: template = told(script.resolutions)
            case .hold: template = random.pick(book.holds)
            case .opening, .followUp, .thanks, .nudge, .note: template = ""
            }
            let text = details.fill(template)
            if isLive { return text }
            return "\(details.fill(staffGreeting))\n\n\(text)\n\n\(staffSignoff)\n\(agentName)"
        }

        private func noteText(first: Bool) -> String {
            let text = details.fill(told(notes))
            return isVip && first ? text + " VIP account – keep the account manager in the loop." : text
        }
    }
}
