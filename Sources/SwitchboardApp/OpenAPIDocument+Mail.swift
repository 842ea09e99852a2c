// The email channel's part of the OpenAPI document (see OpenAPIDocument.swift): its paths,
// and its schemas (placed at the start of the schemas object).
extension OpenAPIDocument {
    static let mailPaths = #"""
            "/api/v1/users/{id}/notifications": {
              "parameters": [{"name": "id", "in": "path", "required": true, "description": "The user's id.", "schema": {"$ref": "#/components/schemas/Id"}}],
              "get": {
                "operationId": "getNotificationSettings",
                "tags": ["mail"],
                "summary": "Which email notifications a staff member gets",
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {"description": "The choices.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NotificationSettings"}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              },
              "put": {
                "operationId": "updateNotificationSettings",
                "tags": ["mail"],
                "summary": "Change which email notifications a staff member gets",
                "description": "One's own, or anyone's for an admin or manager. Kinds left out stay as they are.",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NotificationSettings"}}}},
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "200": {"description": "The choices now.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NotificationSettings"}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "413": {"$ref": "#/components/responses/PayloadTooLarge"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              }
            },
            "/api/v1/mailboxes": {
              "get": {
                "operationId": "listMailboxes",
                "tags": ["mail"],
                "summary": "List the mailboxes",
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {
                    "description": "All mailboxes (one page).",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": ["items"],
                          "properties": {
                            "items": {"type": "array", "items": {"$ref": "#/components/schemas/Mailbox"}},
                            "next_cursor": {"type": ["string", "null"]}
                          }
                        }
                      }
                    }
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"}
                }
              },
              "post": {
                "operationId": "createMailbox",
                "tags": ["mail"],
                "summary": "Create a mailbox",
                "parameters": [{"$ref": "#/components/parameters/IdempotencyKey"}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MailboxRequest"}}}},
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "201": {
                    "description": "The new mailbox.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Mailbox"}}},
                    "headers": {"Idempotent-Replayed": {"$ref": "#/components/headers/IdempotentReplayed"}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "409": {"$ref": "#/components/responses/Conflict"},
                  "413": {"$ref": "#/components/responses/PayloadTooLarge"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              }
            },
            "/api/v1/mailboxes/{id}": {
              "parameters": [{"name": "id", "in": "path", "required": true, "description": "The mailbox's id.", "schema": {"$ref": "#/components/schemas/Id"}}],
              "get": {
                "operationId": "getMailbox",
                "tags": ["mail"],
                "summary": "Read a mailbox",
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {"description": "The mailbox.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Mailbox"}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              },
              "patch": {
                "operationId": "updateMailbox",
                "tags": ["mail"],
                "summary": "Change a mailbox",
                "description": "Absent fields stay; `imap` or `smtp` set to null removes them; a password left out keeps the stored one.",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MailboxRequest"}}}},
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "200": {"description": "The mailbox now.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Mailbox"}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "409": {"$ref": "#/components/responses/Conflict"},
                  "413": {"$ref": "#/components/responses/PayloadTooLarge"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              }
            },
            "/api/v1/mailboxes/{id}/messages": {
              "parameters": [{"name": "id", "in": "path", "required": true, "description": "The mailbox's id.", "schema": {"$ref": "#/components/schemas/Id"}}],
              "post": {
                "operationId": "deliverMail",
                "tags": ["mail"],
                "summary": "The mailgate: hand over one raw message",
                "description": "For an MTA pipe. The message opens a ticket or joins one (by our reply address, In-Reply-To/References, or a [#number] subject tag from a participant). Each Message-ID is taken once per mailbox; mail from our own addresses is ignored; mail without a sender is kept raw and logged as failed.",
                "requestBody": {"required": true, "content": {"message/rfc822": {"schema": {"type": "string"}}}},
                "security": [{"bearerAuth": []}],
                "responses": {
                  "200": {
                    "description": "Taken without a new message: a duplicate, our own mail, or unreadable mail kept for an admin.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/InboundResult"}}}
                  },
                  "201": {
                    "description": "A ticket was opened, or the message joined one.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/InboundResult"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "413": {"$ref": "#/components/responses/PayloadTooLarge"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              }
            },
            "/api/v1/mail-log": {
              "get": {
                "operationId": "listMailLog",
                "tags": ["mail"],
                "summary": "Read the mail log",
                "description": "Every message that came in, newest first, with what became of it.",
                "parameters": [
                  {"name": "outcome", "in": "query", "description": "Only this outcome (failed: mail that could not be read).", "schema": {"$ref": "#/components/schemas/InboundOutcome"}},
                  {"$ref": "#/components/parameters/Limit"}
                ],
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {
                    "description": "Log entries (one page).",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": ["items"],
                          "properties": {
                            "items": {"type": "array", "items": {"$ref": "#/components/schemas/MailLogEntry"}},
                            "next_cursor": {"type": ["string", "null"]}
                          }
                        }
                      }
                    }
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              }
            },
            "/api/v1/mail-log/{id}/raw": {
              "get": {
                "operationId": "getRawMail",
                "tags": ["mail"],
                "summary": "Download a logged message as it arrived",
                "parameters": [{"name": "id", "in": "path", "required": true, "description": "The log entry's id.", "schema": {"$ref": "#/components/schemas/Id"}}],
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {"description": "The raw message, as a download.", "content": {"message/rfc822": {"schema": {"type": "string"}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
"""#

    static let mailSchemas = #"""
              "NotificationSettings": {
                "type": "object",
                "description": "Email notifications, each on or off: a new ticket in my team, assigned to me, the customer replied on my ticket or one I follow, mentioned in a note (@name), an SLA escalation of my ticket (or my team's, for supervisors), a message in a side conversation I take part in.",
                "properties": {
                  "new_in_team": {"type": "boolean"}, "assigned": {"type": "boolean"}, "customer_replied": {"type": "boolean"}, "mentioned": {"type": "boolean"},
                  "sla_escalation": {"type": "boolean"}, "side_conversation": {"type": "boolean"}
                },
                "additionalProperties": false
              },
              "MailSecurity": {"type": "string", "enum": ["tls", "starttls", "none"], "description": "TLS from the start, STARTTLS, or none (local servers only)."},
              "InboundOutcome": {
                "type": "string",
                "enum": ["created", "appended", "duplicate", "own_address", "bounce", "failed", "sent", "rate_limited"],
                "description": "What became of an inbound message."
              },
              "Mailbox": {
                "type": "object",
                "description": "An address customers write to. Passwords are never shown, only whether one is set.",
                "required": ["id", "name", "address", "active", "created_at", "updated_at"],
                "properties": {
                  "id": {"$ref": "#/components/schemas/Id"},
                  "name": {"type": "string"},
                  "address": {"type": "string", "format": "email"},
                  "from_name": {"type": "string"},
                  "team_id": {"$ref": "#/components/schemas/Id"},
                  "signature": {"type": "string"},
                  "acknowledgement": {"type": "string", "description": "Sent when a person's mail opens a ticket ({number} is the ticket's number)."},
                  "active": {"type": "boolean"},
                  "imap": {
                    "type": "object",
                    "required": ["host", "port", "security", "username", "password_set", "folder"],
                    "properties": {
                      "host": {"type": "string"}, "port": {"type": "integer"}, "security": {"$ref": "#/components/schemas/MailSecurity"},
                      "username": {"type": "string"}, "password_set": {"type": "boolean"}, "folder": {"type": "string"}, "move_to": {"type": "string"}
                    },
                    "additionalProperties": false
                  },
                  "smtp": {
                    "type": "object",
                    "required": ["host", "port", "security", "password_set"],
                    "properties": {
                      "host": {"type": "string"}, "port": {"type": "integer"}, "security": {"$ref": "#/components/schemas/MailSecurity"},
                      "username": {"type": "string"}, "password_set": {"type": "boolean"}
                    },
                    "additionalProperties": false
                  },
                  "created_at": {"$ref": "#/components/schemas/Timestamp"},
                  "updated_at": {"$ref": "#/components/schemas/Timestamp"}
                },
                "additionalProperties": false
              },
              "MailboxRequest": {
                "type": "object",
                "description": "A new mailbox (name and address required), or changes to one.",
                "properties": {
                  "name": {"type": "string", "minLength": 1, "maxLength": 200},
                  "address": {"type": "string", "maxLength": 254},
                  "from_name": {"type": "string", "maxLength": 200},
                  "team_id": {"oneOf": [{"$ref": "#/components/schemas/Id"}, {"type": "null"}]},
                  "signature": {"type": "string", "maxLength": 5000},
                  "acknowledgement": {"type": "string", "maxLength": 5000, "description": "Empty sends none."},
                  "active": {"type": "boolean"},
                  "imap": {
                    "oneOf": [
                      {
                        "type": "object",
                        "required": ["host", "username"],
                        "properties": {
                          "host": {"type": "string"}, "port": {"type": "integer", "description": "Default 993 (TLS) or 143."},
                          "security": {"$ref": "#/components/schemas/MailSecurity"}, "username": {"type": "string"},
                          "password": {"type": "string"}, "folder": {"type": "string", "description": "Default INBOX."},
                          "move_to": {"type": "string", "description": "Where taken mail goes; without it, it stays and is marked seen."}
                        },
                        "additionalProperties": false
                      },
                      {"type": "null"}
                    ]
                  },
                  "smtp": {
                    "oneOf": [
                      {
                        "type": "object",
                        "required": ["host"],
                        "properties": {
                          "host": {"type": "string"}, "port": {"type": "integer", "description": "Default 587 (STARTTLS) or 465 (TLS)."},
                          "security": {"$ref": "#/components/schemas/MailSecurity"}, "username": {"type": "string"}, "password": {"type": "string"}
                        },
                        "additionalProperties": false
                      },
                      {"type": "null"}
                    ]
                  }
                },
                "additionalProperties": false
              },
              "InboundResult": {
                "type": "object",
                "required": ["outcome", "problems"],
                "properties": {
                  "outcome": {"$ref": "#/components/schemas/InboundOutcome"},
                  "ticket_id": {"$ref": "#/components/schemas/Id"},
                  "message_id": {"$ref": "#/components/schemas/Id"},
                  "problems": {"type": "array", "items": {"type": "string"}, "description": "What was wrong with the message and how it was read anyway."}
                },
                "additionalProperties": false
              },
              "MailLogEntry": {
                "type": "object",
                "required": ["id", "mailbox_id", "direction", "message_id", "outcome", "problems", "size", "created_at"],
                "properties": {
                  "id": {"$ref": "#/components/schemas/Id"},
                  "mailbox_id": {"$ref": "#/components/schemas/Id"},
                  "direction": {"type": "string", "enum": ["in", "out"]},
                  "message_id": {"type": "string"},
                  "ticket_id": {"$ref": "#/components/schemas/Id"},
                  "sender": {"type": "string"},
                  "outcome": {"$ref": "#/components/schemas/InboundOutcome"},
                  "problems": {"type": "array", "items": {"type": "string"}},
                  "size": {"type": "integer"},
                  "created_at": {"$ref": "#/components/schemas/Timestamp"}
                },
                "additionalProperties": false
              },
"""#
}
