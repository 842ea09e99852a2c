// Side conversations in the OpenAPI document (see OpenAPIDocument.swift).
extension OpenAPIDocument {
    static let sideConversationPaths = #"""
            "/api/v1/tickets/{id}/side-conversations": {
              "parameters": [{"name": "id", "in": "path", "required": true, "description": "The ticket's id.", "schema": {"$ref": "#/components/schemas/Id"}}],
              "get": {
                "operationId": "listSideConversations",
                "tags": ["tickets"],
                "summary": "The ticket's side conversations with their messages, oldest first",
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {
                    "description": "The side conversations.",
                    "content": {"application/json": {"schema": {"type": "object", "required": ["items"], "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/SideConversation"}}}}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              },
              "post": {
                "operationId": "startSideConversation",
                "tags": ["tickets"],
                "summary": "Ask colleagues (of other teams) in a side conversation beside the ticket",
                "description": "Kept apart from the customer's timeline; every member is told by mail of each message. A closed ticket takes none.",
                "parameters": [{"$ref": "#/components/parameters/IdempotencyKey"}],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "type": "object",
                        "required": ["subject", "member_ids", "body"],
                        "properties": {
                          "subject": {"type": "string", "minLength": 1, "maxLength": 250},
                          "member_ids": {"type": "array", "minItems": 1, "items": {"$ref": "#/components/schemas/Id"}, "description": "Active staff to ask."},
                          "body": {"type": "string", "minLength": 1, "maxLength": 65536}
                        },
                        "additionalProperties": false
                      }
                    }
                  }
                },
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "201": {
                    "description": "Started.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SideConversation"}}},
                    "headers": {"Idempotent-Replayed": {"$ref": "#/components/headers/IdempotentReplayed"}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "409": {"$ref": "#/components/responses/Conflict"},
                  "413": {"$ref": "#/components/responses/PayloadTooLarge"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              }
            },
            "/api/v1/side-conversations/{id}": {
              "parameters": [{"name": "id", "in": "path", "required": true, "description": "The side conversation's id.", "schema": {"$ref": "#/components/schemas/Id"}}],
              "patch": {
                "operationId": "updateSideConversation",
                "tags": ["tickets"],
                "summary": "Close a side conversation, or open it again",
                "requestBody": {
                  "required": true,
                  "content": {"application/json": {"schema": {"type": "object", "required": ["status"], "properties": {"status": {"type": "string", "enum": ["open", "closed"]}}, "additionalProperties": false}}}
                },
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "200": {"description": "The side conversation now.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SideConversation"}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "413": {"$ref": "#/components/responses/PayloadTooLarge"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              }
            },
            "/api/v1/side-conversations/{id}/messages": {
              "parameters": [{"name": "id", "in": "path", "required": true, "description": "The side conversation's id.", "schema": {"$ref": "#/components/schemas/Id"}}],
              "post": {
                "operationId": "replySideConversation",
                "tags": ["tickets"],
                "summary": "Write in an open side conversation (the writer joins it)",
                "requestBody": {
                  "required": true,
                  "content": {"application/json": {"schema": {"type": "object", "required": ["body"], "properties": {"body": {"type": "string", "minLength": 1, "maxLength": 65536}}, "additionalProperties": false}}}
                },
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "201": {"description": "The side conversation with the new message.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SideConversation"}}}},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                                    "413": {"$ref": "#/components/responses/PayloadTooLarge"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              }
            },
"""#

    static let sideConversationSchemas = #"""
              "SideConversation": {
                "type": "object",
                "required": ["id", "ticket_id", "subject", "status", "member_ids", "created_at", "updated_at", "messages"],
                "properties": {
                  "id": {"$ref": "#/components/schemas/Id"},
                  "ticket_id": {"$ref": "#/components/schemas/Id"},
                  "subject": {"type": "string"},
                  "status": {"type": "string", "enum": ["open", "closed"]},
                  "member_ids": {"type": "array", "items": {"$ref": "#/components/schemas/Id"}},
                  "created_at": {"$ref": "#/components/schemas/Timestamp"},
                  "updated_at": {"$ref": "#/components/schemas/Timestamp"},
                  "messages": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": ["id", "body", "created_at"],
                      "properties": {
                        "id": {"$ref": "#/components/schemas/Id"},
                        "author_id": {"$ref": "#/components/schemas/Id"},
                        "body": {"type": "string"},
                        "created_at": {"$ref": "#/components/schemas/Timestamp"}
                      },
                      "additionalProperties": false
                    }
                  }
                },
                "additionalProperties": false
              },
"""#
}
