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
"""#
}
