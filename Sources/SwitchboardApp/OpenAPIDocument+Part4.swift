// Part 4 of 6 of the OpenAPI document (see OpenAPIDocument.swift).
extension OpenAPIDocument {
    static let part4 = #"""
                  "version",
                  "created_at",
                  "updated_at",
                  "reopen_count"
                ],
                "properties": {
                  "id": {"$ref": "#/components/schemas/Id"},
                  "number": {
                    "type": "integer",
                    "format": "int64",
                    "minimum": 1,
                    "description": "The human ticket number, per workspace."
                  },
                  "subject": {"type": "string"},
                  "status": {"$ref": "#/components/schemas/TicketStatus"},
                  "priority": {"$ref": "#/components/schemas/TicketPriority"},
                  "type": {"$ref": "#/components/schemas/TicketType"},
                  "channel": {"$ref": "#/components/schemas/ChannelKind"},
                  "requester_id": {"type": "integer", "format": "int64", "minimum": 1, "description": "The contact who asked."},
                  "organization_id": {
                    "type": "integer",
                    "format": "int64",
                    "minimum": 1,
                    "description": "The requester's organization, when they have one."
                  },
                  "assignee_id": {
                    "type": "integer",
                    "format": "int64",
                    "minimum": 1,
                    "description": "The staff member working the ticket."
                  },
                  "team_id": {
                    "type": "integer",
                    "format": "int64",
                    "minimum": 1,
                    "description": "The team the ticket belongs to."
                  },
                  "tags": {"type": "array", "items": {"type": "string"}},
                  "custom_fields": {"$ref": "#/components/schemas/CustomFields"},
                  "follower_ids": {
                    "type": "array",
                    "items": {"$ref": "#/components/schemas/Id"},
                    "description": "Staff members following the ticket."
                  },
                  "version": {
                    "type": "integer",
                    "format": "int64",
                    "minimum": 1,
                    "description": "Increases with every change; send it back (If-Match or version) to refuse lost updates."
                  },
                  "created_at": {"$ref": "#/components/schemas/Timestamp", "description": "When the ticket was created."},
                  "updated_at": {"$ref": "#/components/schemas/Timestamp", "description": "When the ticket last changed."},
                  "first_reply_at": {
                    "$ref": "#/components/schemas/Timestamp",
                    "description": "When staff first replied publicly."
                  },
                  "solved_at": {"$ref": "#/components/schemas/Timestamp", "description": "When the ticket was solved."},
                  "closed_at": {"$ref": "#/components/schemas/Timestamp", "description": "When the ticket was closed."},
                  "pending_since": {"$ref": "#/components/schemas/Timestamp", "description": "When the ticket went pending, while it is pending."},
                  "reopen_count": {"type": "integer", "minimum": 0},
                  "merged_into_id": {
                    "type": "integer",
                    "format": "int64",
                    "minimum": 1,
                    "description": "The ticket this one was merged into."
                  },
                  "sla": {"$ref": "#/components/schemas/TicketSLA"},
                  "escalation_level": {
                    "type": "integer",
                    "minimum": 0,
                    "maximum": 2,
                    "description": "The support tier working the ticket: 0 agents, 1 senior agents, 2 support engineers."
                  }
                },
                "additionalProperties": false
              },
              "Message": {
                "type": "object",
                "description": "One entry of a ticket's timeline.",
                "required": ["id", "ticket_id", "author_kind", "visibility", "channel", "body", "created_at"],
                "properties": {
                  "id": {"$ref": "#/components/schemas/Id"},
                  "ticket_id": {"$ref": "#/components/schemas/Id"},
                  "author_kind": {"$ref": "#/components/schemas/AuthorKind"},
                  "author_id": {
                    "type": "integer",
                    "format": "int64",
                    "minimum": 1,
                    "description": "The user (staff) or contact (contact) who wrote it; absent for system entries."
                  },
                  "visibility": {"$ref": "#/components/schemas/MessageVisibility"},
                  "channel": {"$ref": "#/components/schemas/ChannelKind"},
                  "body": {"type": "string"},
                  "external_id": {"type": "string", "description": "The channel's own id (Message-ID, chat id, call id)."},
                  "created_at": {"$ref": "#/components/schemas/Timestamp"}
                },
                "additionalProperties": false
              },
              "Link": {
                "type": "object",
                "description": "A link from a ticket to another, seen from the ticket in the path.",
                "required": ["kind", "other_id"],
                "properties": {
                  "kind": {"$ref": "#/components/schemas/TicketLinkKind"},
                  "other_id": {"type": "integer", "format": "int64", "minimum": 1, "description": "The linked ticket."}
                },
                "additionalProperties": false
              },
              "User": {
                "type": "object",
                "description": "A staff member.",
                "required": ["id", "email", "name", "locale", "role", "active", "team_ids", "created_at", "updated_at"],
                "properties": {
                  "id": {"$ref": "#/components/schemas/Id"},
                  "email": {"type": "string", "format": "email"},
                  "name": {"type": "string"},
                  "job_title": {"type": "string", "description": "Free text; absent when not set."},
                  "locale": {"type": "string", "description": "A BCP 47 language tag (en, uk, pt-BR)."},
                  "time_zone": {"type": "string", "description": "An IANA time zone for times on pages; absent: the browser's own."},
                  "role": {"$ref": "#/components/schemas/Role"},
                  "active": {"type": "boolean"},
                  "team_ids": {"type": "array", "items": {"$ref": "#/components/schemas/Id"}},
                  "created_at": {"$ref": "#/components/schemas/Timestamp"},
                  "updated_at": {"$ref": "#/components/schemas/Timestamp"}
                },
                "additionalProperties": false
              },
              "Team": {
                "type": "object",
                "description": "A group of staff.",
                "required": ["id", "name", "member_ids", "assignment", "reassign_when_offline"],
                "properties": {
                  "id": {"$ref": "#/components/schemas/Id"},
                  "name": {"type": "string"},
                  "description": {"type": "string"},
                  "member_ids": {"type": "array", "items": {"$ref": "#/components/schemas/Id"}},
                  "assignment": {"$ref": "#/components/schemas/AssignmentStrategy"},
                  "reassign_when_offline": {"type": "boolean", "description": "An agent going offline gives their open tickets of this team back to routing."}
                },
                "additionalProperties": false
              },
              "Contact": {
                "type": "object",
                "description": "A customer.",
                "required": ["id", "name", "emails", "phones", "attributes", "created_at", "updated_at"],
                "properties": {
                  "id": {"$ref": "#/components/schemas/Id"},
                  "name": {"type": "string"},
                  "emails": {"type": "array", "items": {"type": "string", "format": "email"}},
                  "phones": {
                    "type": "array",
                    "items": {"type": "string", "pattern": "^\\+[1-9][0-9]{6,14}$"},
                    "description": "E.164 numbers."
                  },
                  "locale": {"type": "string"},
                  "organization_id": {"$ref": "#/components/schemas/Id"},
                  "attributes": {"$ref": "#/components/schemas/Attributes"},
                  "merged_into_id": {
                    "type": "integer",
                    "format": "int64",
                    "minimum": 1,
                    "description": "Set when this contact was merged into another."
                  },
                  "created_at": {"$ref": "#/components/schemas/Timestamp"},
                  "updated_at": {"$ref": "#/components/schemas/Timestamp"}
                },
                "additionalProperties": false
              },
              "Organization": {
                "type": "object",
                "description": "A customer company.",
                "required": ["id", "name", "domains", "tier", "attributes", "created_at", "updated_at"],
                "properties": {
                  "id": {"$ref": "#/components/schemas/Id"},
                  "name": {"type": "string"},
                  "domains": {"type": "array", "items": {"type": "string"}},
                  "tier": {"$ref": "#/components/schemas/OrganizationTier"},
                  "account_owner_id": {
                    "type": "integer",
                    "format": "int64",
                    "minimum": 1,
                    "description": "The staff member who owns the account."
                  },
                  "notes": {"type": "string"},
                  "attributes": {"$ref": "#/components/schemas/Attributes"},
                  "created_at": {"$ref": "#/components/schemas/Timestamp"},
                  "updated_at": {"$ref": "#/components/schemas/Timestamp"}
                },
                "additionalProperties": false
              },
              "TicketFilter": {
                "type": "object",
                "description": "A filter over tickets. Every list means \"any of\"; separate fields combine with \"and\". Absent fields do not filter.",
                "properties": {
                  "status": {"type": "array", "items": {"$ref": "#/components/schemas/TicketStatus"}},
                  "priority": {"type": "array", "items": {"$ref": "#/components/schemas/TicketPriority"}},
                  "type": {"type": "array", "items": {"$ref": "#/components/schemas/TicketType"}},
                  "tag": {"type": "array", "items": {"type": "string"}},
                  "assignee": {
                    "type": "array",
                    "items": {
                      "oneOf": [
                        {"type": "string", "enum": ["me", "none"]},
                        {"type": "integer", "format": "int64"},
                        {"type": "string", "pattern": "^[0-9]+$"}
                      ]
                    },
                    "description": "User ids, \"me\" (the person asking) or \"none\" (unassigned)."
                  },
                  "team": {"type": "array", "items": {"$ref": "#/components/schemas/Id"}},
                  "my_teams": {"type": "boolean", "description": "Adds the teams of the person asking."},
                  "requester": {"type": "array", "items": {"$ref": "#/components/schemas/Id"}},
                  "organization": {"type": "array", "items": {"$ref": "#/components/schemas/Id"}},
                  "channel": {"type": "array", "items": {"$ref": "#/components/schemas/ChannelKind"}},
                  "created_from": {"type": "string", "format": "date-time"},
                  "created_to": {"type": "string", "format": "date-time"},
                  "updated_from": {"type": "string", "format": "date-time"},
                  "updated_to": {"type": "string", "format": "date-time"},
                  "sla_due_from": {"type": "string", "format": "date-time"},
                  "sla_due_to": {"type": "string", "format": "date-time"},
                  "q": {
                    "type": "string",
                    "maxLength": 500,
                    "description": "Full-text query over subjects and message bodies."
                  }
                },
                "additionalProperties": false
              },
              "View": {
                "type": "object",
                "description": "A saved ticket filter (personal or shared) or a built-in one.",
                "required": ["id", "name", "built_in", "shared", "filter", "sort"],
                "properties": {
                  "id": {
                    "type": "string",
                    "description": "A saved view's numeric id as a string, or a built-in view's name (my_open, unassigned, my_teams, all_open, pending, recently_solved, sla_breaching_soon, sla_breached)."
                  },
                  "name": {"type": "string"},
                  "built_in": {"type": "boolean"},
                  "shared": {"type": "boolean"},
                  "owner_id": {
                    "type": "integer",
                    "format": "int64",
                    "minimum": 1,
                    "description": "The user who saved the view; absent for built-in views."
                  },
                  "filter": {"$ref": "#/components/schemas/TicketFilter"},
                  "sort": {"$ref": "#/components/schemas/TicketSort"},
                  "count": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "How many tickets the view holds for the person asking."
                  }
                },
                "additionalProperties": false
              },
              "Token": {
                "type": "object",
                "description": "An API token (its secret is shown only once).",
                "required": ["id", "user_id", "name", "prefix", "created_at"],
                "properties": {
                  "id": {"$ref": "#/components/schemas/Id"},
                  "user_id": {"$ref": "#/components/schemas/Id"},
                  "name": {"type": "string"},
                  "prefix": {"type": "string", "description": "The first 10 characters of the secret, to recognise it."},
                  "created_at": {"$ref": "#/components/schemas/Timestamp"},
                  "last_used_at": {"$ref": "#/components/schemas/Timestamp"},
                  "revoked_at": {"$ref": "#/components/schemas/Timestamp"}
                },
                "additionalProperties": false
              },
              "CreatedToken": {
                "type": "object",
                "description": "A newly created API token with its secret. A replay of the create (same Idempotency-Key) returns the token without its secret, which is never stored.",
                "required": ["id", "user_id", "name", "prefix", "created_at"],
                "properties": {
                  "id": {"$ref": "#/components/schemas/Id"},
                  "user_id": {"$ref": "#/components/schemas/Id"},
                  "name": {"type": "string"},
                  "prefix": {"type": "string", "description": "The first 10 characters of the secret, to recognise it."},
                  "created_at": {"$ref": "#/components/schemas/Timestamp"},
                  "last_used_at": {"$ref": "#/components/schemas/Timestamp"},
                  "revoked_at": {"$ref": "#/components/schemas/Timestamp"},
                  "token": {
                    "type": "string",
                    "pattern": "^sb_[A-Za-z0-9_-]{43}$",
                    "description": "The secret, shown only in the first response. Send it as Authorization: Bearer <token>."
                  }
                },
                "additionalProperties": false
              },
              "AuditEvent": {
                "type": "object",
                "description": "One entry of the append-only, hash-chained audit log.",
                "required": ["sequence", "occurred_at", "actor_kind", "entity", "entity_id", "action", "hash"],
                "properties": {
                  "sequence": {"type": "integer", "format": "int64", "minimum": 1},
                  "occurred_at": {"$ref": "#/components/schemas/Timestamp"},
                  "actor_kind": {"$ref": "#/components/schemas/ActorKind"},
                  "actor_id": {
                    "type": "integer",
                    "format": "int64",
                    "minimum": 1,
                    "description": "The user or contact who made the change; absent for the system."
                  },
                  "entity": {"$ref": "#/components/schemas/EntityType"},
                  "entity_id": {"type": "integer", "format": "int64"},
                  "action": {"type": "string", "description": "What happened (created, updated, merged …)."},
                  "before": {
                    "$ref": "#/components/schemas/JSONValue",
                    "description": "A snapshot of the record before the change."
                  },
                  "after": {
                    "$ref": "#/components/schemas/JSONValue",
                    "description": "A snapshot of the record after the change."
                  },
                  "hash": {
                    "type": "string",
                    "pattern": "^[0-9a-f]{64}$",
                    "description": "SHA-256 over this event and the previous hash."
                  }
                },
                "additionalProperties": false
              },
              "AuditVerification": {
                "type": "object",
                "description": "The result of checking the audit log's hash chain.",
                "required": ["intact"],
                "properties": {
                  "intact": {"type": "boolean"},
                  "count": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "How many events were checked (when intact)."
                  },
                  "first_bad_sequence": {"type": "integer", "format": "int64"},
                  "problem": {"type": "string"}
                },
                "additionalProperties": false
              },
              "CustomField": {
                "type": "object",
                "description": "An admin-defined ticket field.",
                "required": ["id", "key", "label", "kind", "options", "required", "active"],
                "properties": {
                  "id": {"$ref": "#/components/schemas/Id"},
                  "key": {"type": "string", "pattern": "^[a-z][a-z0-9_]{0,63}$"},
                  "label": {"type": "string"},
                  "kind": {"$ref": "#/components/schemas/CustomFieldKind"},
                  "options": {
                    "type": "array",
                    "items": {"type": "string"},
                    "description": "The allowed values of a dropdown; empty otherwise."
                  },
                  "required": {"type": "boolean"},
                  "active": {"type": "boolean"}
                },
                "additionalProperties": false
              },
              "Session": {
                "type": "object",
                "description": "The signed-in staff member.",
                "required": ["user"],
                "properties": {
                  "user": {"$ref": "#/components/schemas/User"},
                  "csrf_token": {
                    "type": "string",
                    "description": "For browser sessions: send it as the X-CSRF-Token header on POST, PUT, PATCH and DELETE. Absent when signed in with an API token."
                  }
                },
                "additionalProperties": false
              },
              "Problem": {
                "type": "object",
                "description": "An RFC 9457 problem document.",
                "required": ["type", "title", "status", "detail"],
                "properties": {
                  "type": {
                    "type": "string",
                    "description": "A URI reference naming the kind of problem, like about:blank#invalid."
                  },
                  "title": {"type": "string", "description": "The HTTP status's reason phrase."},
                  "status": {"type": "integer", "minimum": 400, "maximum": 599},
                  "detail": {"type": "string", "description": "What went wrong, for people."},
                  "field": {
                    "type": "string",
                    "description": "The request field, query parameter or header the problem is about, as a dotted path (requester.email, tags[2])."
                  },
                  "current": {
                    "$ref": "#/components/schemas/Ticket",
                    "description": "On 409 for a stale ticket version: the ticket as it is now."
                  }
                },
                "additionalProperties": false
              },
              "TicketPage": {
                "type": "object",
                "description": "A page of Ticket items.",
                "required": ["items", "next_cursor"],
                "properties": {
                  "items": {"type": "array", "items": {"$ref": "#/components/schemas/Ticket"}},
                  "next_cursor": {
                    "type": ["string", "null"],
                    "description": "Pass as cursor to get the next page; null on the last page."
                  },
                  "count": {"type": "integer", "minimum": 0, "description": "The total matching, when asked for."}
                },
                "additionalProperties": false
              },
              "MessagePage": {
                "type": "object",
                "description": "A page of Message items.",
                "required": ["items", "next_cursor"],
                "properties": {
                  "items": {"type": "array", "items": {"$ref": "#/components/schemas/Message"}},
                  "next_cursor": {
                    "type": ["string", "null"],
                    "description": "Pass as cursor to get the next page; null on the last page."
                  },
                  "count": {"type": "integer", "minimum": 0, "description": "The total matching, when asked for."}
                },
                "additionalProperties": false
              },
              "LinkPage": {
                "type": "object",
                "description": "A page of Link items.",
                "required": ["items", "next_cursor"],
                "properties": {
                  "items": {"type": "array", "items": {"$ref": "#/components/schemas/Link"}},
                  "next_cursor": {
                    "type": ["string", "null"],
                    "description": "Pass as cursor to get the next page; null on the last page."
                  },
                  "count": {"type": "integer", "minimum": 0, "description": "The total matching, when asked for."}
                },
                "additionalProperties": false
              },
              "UserPage": {
                "type": "object",
                "description": "A page of User items.",
                "required": ["items", "next_cursor"],
                "properties": {
                  "items": {"type": "array", "items": {"$ref": "#/components/schemas/User"}},
                  "next_cursor": {
                    "type": ["string", "null"],
                    "description": "Pass as cursor to get the next page; null on the last page."
                  },
                  "count": {"type": "integer", "minimum": 0, "description": "The total matching, when asked for."}
                },
                "additionalProperties": false
              },
              "TeamPage": {
                "type": "object",
                "description": "A page of Team items.",
                "required": ["items", "next_cursor"],
                "properties": {
                  "items": {"type": "array", "items": {"$ref": "#/components/schemas/Team"}},
                  "next_cursor": {
                    "type": ["string", "null"],
                    "description": "Pass as cursor to get the next page; null on the last page."
                  },
                  "count": {"type": "integer", "minimum": 0, "description": "The total matching, when asked for."}
                },
                "additionalProperties": false
              },
              "ContactPage": {
                "type": "object",
                "description": "A page of Contact items.",
                "required": ["items", "next_cursor"],
                "properties": {
                  "items": {"type": "array", "items": {"$ref": "#/components/schemas/Contact"}},
                  "next_cursor": {
                    "type": ["string", "null"],
                    "description": "Pass as cursor to get the next page; null on the last page."
                  },
                  "count": {"type": "integer", "minimum": 0, "description": "The total matching, when asked for."}
                },
                "additionalProperties": false
              },
              "OrganizationPage": {
                "type": "object",
                "description": "A page of Organization items.",
                "required": ["items", "next_cursor"],
                "properties": {
                  "items": {"type": "array", "items": {"$ref": "#/components/schemas/Organization"}},
                  "next_cursor": {
                    "type": ["string", "null"],
                    "description": "Pass as cursor to get the next page; null on the last page."
                  },
                  "count": {"type": "integer", "minimum": 0, "description": "The total matching, when asked for."}
                },
                "additionalProperties": false
              },
        """#
}
