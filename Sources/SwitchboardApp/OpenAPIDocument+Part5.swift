// Part 5 of 6 of the OpenAPI document (see OpenAPIDocument.swift).
extension OpenAPIDocument {
    static let part5 = #"""
              "ViewPage": {
                "type": "object",
                "description": "A page of View items.",
                "required": ["items", "next_cursor"],
                "properties": {
                  "items": {"type": "array", "items": {"$ref": "#/components/schemas/View"}},
                  "next_cursor": {
                    "type": ["string", "null"],
                    "description": "Pass as cursor to get the next page; null on the last page."
                  },
                  "count": {"type": "integer", "minimum": 0, "description": "The total matching, when asked for."}
                },
                "additionalProperties": false
              },
              "TokenPage": {
                "type": "object",
                "description": "A page of Token items.",
                "required": ["items", "next_cursor"],
                "properties": {
                  "items": {"type": "array", "items": {"$ref": "#/components/schemas/Token"}},
                  "next_cursor": {
                    "type": ["string", "null"],
                    "description": "Pass as cursor to get the next page; null on the last page."
                  },
                  "count": {"type": "integer", "minimum": 0, "description": "The total matching, when asked for."}
                },
                "additionalProperties": false
              },
              "AuditEventPage": {
                "type": "object",
                "description": "A page of AuditEvent items.",
                "required": ["items", "next_cursor"],
                "properties": {
                  "items": {"type": "array", "items": {"$ref": "#/components/schemas/AuditEvent"}},
                  "next_cursor": {
                    "type": ["string", "null"],
                    "description": "Pass as cursor to get the next page; null on the last page."
                  },
                  "count": {"type": "integer", "minimum": 0, "description": "The total matching, when asked for."}
                },
                "additionalProperties": false
              },
              "CustomFieldPage": {
                "type": "object",
                "description": "A page of CustomField items.",
                "required": ["items", "next_cursor"],
                "properties": {
                  "items": {"type": "array", "items": {"$ref": "#/components/schemas/CustomField"}},
                  "next_cursor": {
                    "type": ["string", "null"],
                    "description": "Pass as cursor to get the next page; null on the last page."
                  },
                  "count": {"type": "integer", "minimum": 0, "description": "The total matching, when asked for."}
                },
                "additionalProperties": false
              },
              "CreateTicketRequest": {
                "type": "object",
                "description": "A new ticket with its first message, from the requester.",
                "required": ["subject", "requester", "body"],
                "properties": {
                  "subject": {"type": "string", "minLength": 1, "maxLength": 250},
                  "requester": {
                    "type": "object",
                    "description": "The customer; found by email or created.",
                    "required": ["email"],
                    "properties": {
                      "email": {
                        "type": "string",
                        "minLength": 3,
                        "maxLength": 254,
                        "description": "An email address; trimmed and lower-cased."
                      },
                      "name": {"type": "string", "maxLength": 200}
                    },
                    "additionalProperties": false
                  },
                  "body": {"type": "string", "minLength": 1, "maxLength": 65536, "description": "The first message."},
                  "priority": {"$ref": "#/components/schemas/TicketPriority", "description": "Default normal."},
                  "type": {"$ref": "#/components/schemas/TicketType", "description": "Default question."},
                  "status": {"$ref": "#/components/schemas/TicketStatus", "description": "Default new."},
                  "channel": {"$ref": "#/components/schemas/ChannelKind", "description": "Default api."},
                  "tags": {"$ref": "#/components/schemas/Tags"},
                  "custom_fields": {"$ref": "#/components/schemas/CustomFields"},
                  "assignee_id": {"$ref": "#/components/schemas/Id"},
                  "team_id": {"$ref": "#/components/schemas/Id"}
                },
                "additionalProperties": false
              },
              "UpdateTicketRequest": {
                "type": "object",
                "description": "A partial ticket update: fields left out keep their values.",
                "properties": {
                  "version": {
                    "type": "integer",
                    "format": "int64",
                    "description": "The version the change is based on; a stale one gets 409. The If-Match header, when sent, wins."
                  },
                  "subject": {"type": "string", "minLength": 1, "maxLength": 250},
                  "status": {"$ref": "#/components/schemas/TicketStatus"},
                  "priority": {"$ref": "#/components/schemas/TicketPriority"},
                  "type": {"$ref": "#/components/schemas/TicketType"},
                  "assignee_id": {
                    "type": ["integer", "null"],
                    "format": "int64",
                    "description": "null unassigns; absent keeps."
                  },
                  "team_id": {"type": ["integer", "null"], "format": "int64", "description": "null clears; absent keeps."},
                  "requester_id": {"$ref": "#/components/schemas/Id"},
                  "tags": {"$ref": "#/components/schemas/Tags", "description": "Replaces all tags."},
                  "add_tags": {"$ref": "#/components/schemas/Tags"},
                  "remove_tags": {"$ref": "#/components/schemas/Tags"},
                  "custom_fields": {
                    "$ref": "#/components/schemas/CustomFields",
                    "description": "Changes these fields only; null removes a value."
                  }
                },
                "additionalProperties": false
              },
              "AddMessageRequest": {
                "type": "object",
                "description": "A reply or internal note.",
                "required": ["body"],
                "properties": {
                  "body": {"type": "string", "minLength": 1, "maxLength": 65536},
                  "visibility": {"$ref": "#/components/schemas/MessageVisibility", "description": "Default public."},
                  "channel": {"$ref": "#/components/schemas/ChannelKind", "description": "Default api."},
                  "author": {
                    "type": "string",
                    "enum": ["me", "requester"],
                    "description": "me (default): the signed-in staff member; requester: the ticket's requester (for integrations). A requester reply to a closed ticket opens a follow-up ticket."
                  },
                  "external_id": {"type": "string", "maxLength": 998, "description": "The channel's own id."}
                },
                "additionalProperties": false
              },
              "LinkRequest": {
                "type": "object",
                "required": ["other_id", "kind"],
                "properties": {
                  "other_id": {"$ref": "#/components/schemas/Id"},
                  "kind": {
                    "type": "string",
                    "enum": ["related", "parent", "child"],
                    "description": "parent: this ticket is the parent of the other."
                  }
                },
                "additionalProperties": false
              },
              "MergeTicketRequest": {
                "type": "object",
                "required": ["target_id"],
                "properties": {
                  "target_id": {
                    "type": "integer",
                    "format": "int64",
                    "minimum": 1,
                    "description": "The ticket to merge into."
                  }
                },
                "additionalProperties": false
              },
              "SplitTicketRequest": {
                "type": "object",
                "required": ["message_id"],
                "properties": {
                  "message_id": {
                    "type": "integer",
                    "format": "int64",
                    "minimum": 1,
                    "description": "The message to move to a new ticket (not the ticket's only one)."
                  },
                  "subject": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 250,
                    "description": "Default: Split from #N: <subject>."
                  }
                },
                "additionalProperties": false
              },
"""#
}
