// Part 3c of the OpenAPI document (see OpenAPIDocument.swift).
extension OpenAPIDocument {
    static let part3c = #"""
              "Id": {
                "type": "integer",
                "format": "int64",
                "minimum": 1,
                "description": "A record id (64-bit integer)."
              },
              "Timestamp": {
                "type": "string",
                "format": "date-time",
                "pattern": "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$",
                "description": "An RFC 3339 time in UTC with milliseconds, like 2026-11-23T10:00:00.000Z.",
                "examples": ["2026-11-23T10:00:00.000Z"]
              },
              "TicketStatus": {
                "type": "string",
                "enum": ["new", "open", "pending", "on_hold", "solved", "closed"],
                "description": "The lifecycle state: new → open → pending | on_hold → solved → closed. A ticket never returns to new; closed is final."
              },
              "TicketPriority": {
                "type": "string",
                "enum": ["low", "normal", "high", "urgent"],
                "description": "How urgent a ticket is."
              },
              "TicketTypeState": {
                "type": "object",
                "description": "A ticket type and whether agents may choose it.",
                "required": ["type", "active"],
                "properties": {"type": {"$ref": "#/components/schemas/TicketType"}, "active": {"type": "boolean"}},
                "additionalProperties": false
              },
              "TicketType": {
                "type": "string",
                "enum": ["question", "incident", "problem", "task", "complaint", "return_exchange", "feedback"],
                "description": "What kind of request a ticket is."
              },
              "ChannelKind": {
                "type": "string",
                "enum": ["email", "chat", "phone", "web", "messaging", "api"],
                "description": "Where a ticket or message came from."
              },
              "Role": {
                "type": "string",
                "enum": ["admin", "manager", "supervisor", "senior_agent", "agent", "qa_analyst", "trainer"],
                "description": "A staff member's role: a named set of permissions."
              },
              "OrganizationTier": {
                "type": "string",
                "enum": ["standard", "vip", "key_account"],
                "description": "The account tier of an organization."
              },
              "TicketLinkKind": {
                "type": "string",
                "enum": ["related", "parent", "child", "merged_into", "merged_from", "split_from", "split_into", "follow_up_of", "followed_up_by"],
                "description": "How a ticket relates to the other one, read as 'this ticket is … other'. related, parent and child are set by clients; the rest by merge (merged_into/merged_from), split (split_from/split_into) and replies to closed tickets (follow_up_of/followed_up_by)."
              },
              "MessageVisibility": {
                "type": "string",
                "enum": ["public", "internal"],
                "description": "Whether the customer sees a message (internal = a note)."
              },
              "AuthorKind": {"type": "string", "enum": ["staff", "contact", "system"], "description": "Who wrote a message."},
              "ActorKind": {"type": "string", "enum": ["user", "contact", "system"], "description": "Who made a change."},
              "EntityType": {
                "type": "string",
                "enum": [
                  "ticket",
                  "message",
                  "contact",
                  "organization",
                  "user",
                  "team",
                  "view",
                  "custom_field",
                  "api_token",
                  "workspace",
                  "session"
                ],
                "description": "The kind of record an audit event is about."
              },
              "CustomFieldKind": {
                "type": "string",
                "enum": ["text", "number", "dropdown", "date", "checkbox"],
                "description": "The value type of a custom field."
              },
              "TicketSort": {
                "type": "string",
                "enum": [
                  "updated_at",
                  "-updated_at",
                  "created_at",
                  "-created_at",
                  "priority",
                  "-priority",
                  "number",
                  "-number",
                  "id",
                  "-id",
                  "sla_due_at",
                  "-sla_due_at"
                ],
                "description": "A sort field, prefixed by - for descending order. id is creation order; sla_due_at is the next SLA due time (tickets without a running clock last)."
              },
              "CustomFieldValue": {
                "type": ["string", "number", "boolean", "null"],
                "description": "A custom field value: text, dropdown option and date (YYYY-MM-DD) are strings, number is a number, checkbox is a boolean; null removes a value."
              },
              "CustomFields": {
                "type": "object",
                "description": "Custom field values by field key.",
                "propertyNames": {"pattern": "^[a-z][a-z0-9_]{0,63}$"},
                "additionalProperties": {"$ref": "#/components/schemas/CustomFieldValue"}
              },
              "Attributes": {
                "type": "object",
                "description": "Free-form custom attributes: any JSON values by key (at most 100 keys and 16 KB).",
                "maxProperties": 100,
                "additionalProperties": true
              },
              "JSONValue": {"description": "Any JSON value."},
              "Tag": {
                "type": "string",
                "minLength": 1,
                "maxLength": 64,
                "description": "A tag. Stored lower-case with spaces turned into underscores; no commas or line breaks."
              },
              "Tags": {
                "type": "array",
                "items": {"$ref": "#/components/schemas/Tag"},
                "maxItems": 50,
                "description": "At most 50 tags."
              },
              "Ticket": {
                "type": "object",
                "description": "One customer request, whatever the channel. Optional fields are left out when they have no value.",
                "required": [
                  "id",
                  "number",
                  "subject",
                  "status",
                  "priority",
                  "type",
                  "channel",
                  "requester_id",
                  "tags",
                  "custom_fields",
                  "follower_ids",
        """#
}
