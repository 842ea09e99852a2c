import Foundation

extension DemoWorkspace {
    /// What a demo ticket is about. Each topic has routing data (`scenario(_:)`) and a script in
    /// every language (`script(_:in:)`).
    enum Topic: CaseIterable {
        case refund, login, invoice, deliveryDelay, damagedItem, exchange, featureRequest, complaint
        case apiError, passwordReset, planUpgrade, doubleCharge, cancellation, addressChange, outage
        case bulkQuote
    }

    /// How a topic is classified and routed.
    struct Scenario {
        let type: TicketType
        let priority: TicketPriority
        let team: String
        let tags: [String]
        /// How often the topic comes up, relative to the others.
        let weight: Int
        let channels: [(ChannelKind, Int)]
        /// Internal notes, in English: the team's working language. Like the scripts' lists,
        /// entry `i` belongs to variant `i`.
        let notes: [String]
        /// For each variant, the indices of the subjects that fit it; empty means all do.
        var subjectChoices: [[Int]] = []

        /// The subjects that fit `variant` of the conversation.
        func subjects(_ all: [String], variant: Int) -> [String] {
            guard !subjectChoices.isEmpty else { return all }
            let fitting = subjectChoices[variant % subjectChoices.count].compactMap { all.indices.contains($0) ? all[$0] : nil }
            return fitting.isEmpty ? all : fitting
        }
    }

    /// The words of one topic in one language. Placeholders in braces are filled per ticket.
    ///
    /// Each topic has two variants of the story (the two openings); entry `i` of `replies`,
    /// `followUps` and `resolutions` continues variant `i`, a single entry fits both. Every
    /// language lists its texts in the same order.
    struct Script {
        /// Ticket subjects.
        let subjects: [String]
        /// The customer's first message.
        let openings: [String]
        /// The first staff answer: acknowledges and asks for what is missing.
        let replies: [String]
        /// The customer's answer to the reply.
        let followUps: [String]
        /// The staff reply that solves the ticket.
        let resolutions: [String]
    }

    /// Conversation pieces shared by all topics of one language.
    struct Phrasebook {
        let staffGreetings: [String]
        let staffSignoffs: [String]
        let customerGreetings: [String]
        let customerSignoffs: [String]
        /// The customer's last word after a resolution.
        let thanks: [String]
        /// The customer asking for news.
        let nudges: [String]
        /// A staff reply when the ticket waits on someone else.
        let holds: [String]
        /// Product names, written so they fit "the {product}" in the language's templates.
        let products: [String]
        /// "{n}" is replaced by the grouped amount.
        let amountFormat: String
        let amountRange: ClosedRange<Int>
        let groupSeparator: String
        /// "{n}" is replaced by a number from 5 to 14 (one plural form covers them all).
        let daysFormat: String
        /// The country code closing a tracking number (UPU S10 style: RR123456789UA).
        let trackingCountry: String
    }

    static func phrasebook(_ locale: SupportedLocale) -> Phrasebook {
        switch locale {
        case .en: englishPhrasebook
        case .uk: ukrainianPhrasebook
        case .pl: polishPhrasebook
        case .ru: russianPhrasebook
        case .el: greekPhrasebook
        }
    }

    static func script(_ topic: Topic, in locale: SupportedLocale) -> Script {
        switch locale {
        case .en: englishScript(topic)
        case .uk: ukrainianScript(topic)
        case .pl: polishScript(topic)
        case .ru: russianScript(topic)
        case .el: greekScript(topic)
        }
    }

    private static let written: [(ChannelKind, Int)] = [(.email, 55), (.web, 25), (.chat, 15), (.messaging, 5)]
    private static let spoken: [(ChannelKind, Int)] = [
        (.email, 40), (.web, 15), (.chat, 25), (.messaging, 10), (.phone, 10),
    ]

    static func scenario(_ topic: Topic) -> Scenario {
        switch topic {
        case .refund:
            Scenario(
                type: .task, priority: .normal, team: "Billing", tags: ["refund", "billing"], weight: 10,
                channels: written,
                notes: ["Warehouse confirmed the return of {order}; refund approved.",
                        "Refund of {amount} is over the agent limit – asked the team lead to approve."])
        case .login:
            Scenario(
                type: .incident, priority: .high, team: "Support", tags: ["login", "account"], weight: 9,
                channels: spoken,
                notes: ["Account was locked after five failed attempts; unlocked it manually.",
                        "Might be the cookie issue in some browsers – linking to the engineering ticket."],
                subjectChoices: [[0, 1], [0, 2]])
        case .invoice:
            Scenario(
                type: .question, priority: .normal, team: "Billing", tags: ["invoice", "billing"], weight: 8,
                channels: written,
                notes: ["Billing history shows two seats added mid-cycle.",
                        "Finance asked us to void {invoice} and reissue it."],
                subjectChoices: [[0], [0, 1, 2]])
        case .deliveryDelay:
            Scenario(
                type: .question, priority: .normal, team: "Support", tags: ["delivery", "shipping"], weight: 12,
                channels: spoken,
                notes: ["Opened a claim with the courier for {tracking}.",
                        "Parcel is stuck at the sorting hub; the courier says one or two more days."])
        case .damagedItem:
            Scenario(
                type: .returnExchange, priority: .high, team: "Support", tags: ["return", "damaged"], weight: 7,
                channels: written,
                notes: ["Photos confirm transit damage – filing a claim with the courier.",
                        "Replacement reserved in the warehouse; return label sent."],
                subjectChoices: [[0, 1, 2], [0, 1]])
        case .exchange:
            Scenario(
                type: .returnExchange, priority: .normal, team: "Support", tags: ["exchange", "wrong_item"],
                weight: 6, channels: written,
                notes: ["Picking error in the warehouse – reported it to the warehouse lead.",
                        "Price difference of {amount} confirmed with Billing."],
                subjectChoices: [[0, 1], [0, 2]])
        case .featureRequest:
            Scenario(
                type: .feedback, priority: .low, team: "Support", tags: ["feature_request", "feedback"], weight: 5,
                channels: written,
                notes: ["Added a +1 to the product board item for this request.",
                        "Product says this is planned for next quarter."],
                subjectChoices: [[0, 1, 2], [1]])
        case .complaint:
            Scenario(
                type: .complaint, priority: .high, team: "Support", tags: ["complaint"], weight: 5,
                channels: spoken,
                notes: ["Escalating to the team lead – third contact about the same issue.",
                        "Goodwill credit of {amount} approved by the team lead."],
                subjectChoices: [[0, 2], [0, 1]])
        case .apiError:
            Scenario(
                type: .incident, priority: .urgent, team: "Technical", tags: ["api", "bug"], weight: 5,
                channels: [(.email, 50), (.web, 30), (.api, 20)],
                notes: ["Engineering is on it in the incident channel; error rate is up on {endpoint}.",
                        "Linked to the current API incident. Don't promise an ETA yet."])
        case .passwordReset:
            Scenario(
                type: .question, priority: .normal, team: "Support", tags: ["password", "login"], weight: 8,
                channels: spoken,
                notes: ["Their mail server bounced our messages – resent through the backup route.",
                        "Checked identity against the order history before sending the link."],
                subjectChoices: [[0, 1], [1, 2]])
        case .planUpgrade:
            Scenario(
                type: .question, priority: .normal, team: "Sales", tags: ["upgrade", "sales"], weight: 6,
                channels: written,
                notes: ["Good upsell – booking a demo with Sales.",
                        "Quote approved with the standard annual discount."],
                subjectChoices: [[0, 1, 2], [0, 1]])
        case .doubleCharge:
            Scenario(
                type: .incident, priority: .high, team: "Billing", tags: ["billing", "double_charge", "refund"],
                weight: 5, channels: written,
                notes: ["Payment provider shows two captures for {order}.",
                        "The second charge is an authorisation only; it will drop off by itself."],
                subjectChoices: [[0, 1, 2], [1, 2]])
        case .cancellation:
            Scenario(
                type: .task, priority: .normal, team: "Billing", tags: ["cancellation", "subscription"], weight: 5,
                channels: written,
                notes: ["Retention offer declined.",
                        "Annual billing – cancel at period end, no refund due."],
                subjectChoices: [[0, 2], [1]])
        case .addressChange:
            Scenario(
                type: .task, priority: .normal, team: "Support", tags: ["delivery", "address_change"], weight: 5,
                channels: spoken,
                notes: ["Caught it before dispatch; address updated in the warehouse system.",
                        "Warehouse confirmed the new label for {order}."],
                subjectChoices: [[0, 1, 2], [0, 2]])
        case .outage:
            Scenario(
                type: .problem, priority: .urgent, team: "Technical", tags: ["outage", "devices"], weight: 3,
                channels: spoken,
                notes: ["Part of the device-cloud outage – see the incident on the status page.",
                        "Add this customer to the post-incident follow-up list."])
        case .bulkQuote:
            Scenario(
                type: .question, priority: .normal, team: "Sales", tags: ["quote", "bulk_order"], weight: 4,
                channels: written,
                notes: ["Volume discount approved for {qty} units.",
                        "Handing over to Sales to schedule the installation."])
        }
    }
}
