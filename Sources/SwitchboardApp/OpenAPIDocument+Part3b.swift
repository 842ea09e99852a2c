// Part 3b of the OpenAPI document (see OpenAPIDocument.swift).
extension OpenAPIDocument {
    static let part3b = #"""
            "/api/v1/ticket-types": {
              "get": {
                "operationId": "listTicketTypes",
                "tags": ["tickets"],
                "summary": "List the ticket types and whether each is offered",
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {
                    "description": "All seven types (one page).",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": ["items"],
                          "properties": {
                            "items": {"type": "array", "items": {"$ref": "#/components/schemas/TicketTypeState"}},
                            "next_cursor": {"type": ["string", "null"]}
                          }
                        }
                      }
                    }
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"}
                }
              }
            },
            "/api/v1/ticket-types/{type}": {
              "patch": {
                "operationId": "updateTicketType",
                "tags": ["tickets"],
                "summary": "Turn a ticket type off or on",
                "description": "A type turned off is refused for new tickets and for changes; tickets that have it keep it. Question, the default, stays on.",
                "parameters": [
                  {"name": "type", "in": "path", "required": true, "schema": {"$ref": "#/components/schemas/TicketType"}}
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {"type": "object", "required": ["active"], "properties": {"active": {"type": "boolean"}}}
                    }
                  }
                },
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "200": {
                    "description": "The type's state now.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TicketTypeState"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "413": {"$ref": "#/components/responses/PayloadTooLarge"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              }
            },
            "/api/v1/tags": {
              "get": {
                "operationId": "listTags",
                "tags": ["tags"],
                "summary": "List the tags in use",
                "description": "Most used first, with how many tickets carry each.",
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {
                    "description": "The tags (one page).",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": ["items"],
                          "properties": {
                            "items": {
                              "type": "array",
                              "items": {
                                "type": "object",
                                "required": ["name", "count"],
                                "properties": {"name": {"type": "string"}, "count": {"type": "integer", "minimum": 1}}
                              }
                            },
                            "next_cursor": {"type": ["string", "null"]}
                          }
                        }
                      }
                    }
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"}
                }
              }
            },
            "/api/v1/tags/rename": {
              "post": {
                "operationId": "renameTag",
                "tags": ["tags"],
                "summary": "Rename or merge a tag on every ticket",
                "description": "Every ticket with `from` gets `to` instead, closed tickets included; where `to` is already there the two become one. Each changed ticket gets a new version and an audit event.",
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                        "required": ["from", "to"],
                        "properties": {"from": {"type": "string", "maxLength": 64}, "to": {"type": "string", "maxLength": 64}}
                      }
                    }
                  }
                },
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "200": {
                    "description": "The tag's new name and how many tickets changed.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": ["name", "tickets"],
                          "properties": {"name": {"type": "string"}, "tickets": {"type": "integer", "minimum": 1}}
                        }
                      }
                    }
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "413": {"$ref": "#/components/responses/PayloadTooLarge"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              }
            },
            "/api/v1/custom-fields": {
              "get": {
                "operationId": "listCustomFields",
                "tags": ["custom fields"],
                "summary": "List custom ticket fields",
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {
                    "description": "All fields (one page).",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CustomFieldPage"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"}
                }
              },
              "post": {
                "operationId": "createCustomField",
                "tags": ["custom fields"],
                "summary": "Create a custom ticket field",
                "parameters": [{"$ref": "#/components/parameters/IdempotencyKey"}],
                "requestBody": {
                  "required": true,
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CustomFieldRequest"}}}
                },
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "201": {
                    "description": "The new field.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CustomField"}}},
                    "headers": {
                      "Idempotent-Replayed": {"$ref": "#/components/headers/IdempotentReplayed"}
                    }
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "409": {"$ref": "#/components/responses/Conflict"},
                  "413": {"$ref": "#/components/responses/PayloadTooLarge"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              }
            },
            "/api/v1/audit": {
              "get": {
                "operationId": "listAuditEvents",
                "tags": ["audit"],
                "summary": "Read the audit log",
                "description": "Newest first, filtered.",
                "parameters": [
                  {
                    "name": "entity",
                    "in": "query",
                    "description": "Only this kind of record.",
                    "schema": {"$ref": "#/components/schemas/EntityType"}
                  },
                  {
                    "name": "entity_id",
                    "in": "query",
                    "description": "Only this record (with entity).",
                    "schema": {"type": "integer", "format": "int64"}
                  },
                  {
                    "name": "actor_id",
                    "in": "query",
                    "description": "Only changes by this user.",
                    "schema": {"type": "integer", "format": "int64"}
                  },
                  {
                    "name": "action",
                    "in": "query",
                    "description": "Only this action.",
                    "schema": {"type": "string"}
                  },
                  {
                    "name": "from",
                    "in": "query",
                    "description": "At or after (RFC 3339).",
                    "schema": {"type": "string", "format": "date-time"}
                  },
                  {
                    "name": "to",
                    "in": "query",
                    "description": "Before (RFC 3339).",
                    "schema": {"type": "string", "format": "date-time"}
                  },
                  {
                    "name": "cursor",
                    "in": "query",
                    "description": "The next_cursor of the previous page (a sequence number).",
                    "schema": {"type": "string", "pattern": "^[0-9]+$"}
                  },
                  {"$ref": "#/components/parameters/Limit"}
                ],
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {
                    "description": "A page of events, newest first.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AuditEventPage"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              }
            },
            "/api/v1/audit/verify": {
              "get": {
                "operationId": "verifyAudit",
                "tags": ["audit"],
                "summary": "Check the audit log's hash chain",
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {
                    "description": "What the check found.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AuditVerification"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"}
                }
              }
            }
          },
          "components": {
            "schemas": {
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
                  "-id"
                ],
                "description": "A sort field, prefixed by - for descending order. id is creation order."
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
