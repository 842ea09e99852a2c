// Part 3 of 6 of the OpenAPI document (see OpenAPIDocument.swift).
extension OpenAPIDocument {
    static let part3 = #"""
                "responses": {
                  "200": {
                    "description": "The target ticket after the merge.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Ticket"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "413": {"$ref": "#/components/responses/PayloadTooLarge"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              }
            },
            "/api/v1/tickets/{id}/split": {
              "post": {
                "operationId": "splitTicket",
                "tags": ["tickets"],
                "summary": "Split a message off into a new ticket",
                "parameters": [{"$ref": "#/components/parameters/TicketId"}, {"$ref": "#/components/parameters/IdempotencyKey"}],
                "requestBody": {
                  "required": true,
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SplitTicketRequest"}}}
                },
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "201": {
                    "description": "The new ticket.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Ticket"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "413": {"$ref": "#/components/responses/PayloadTooLarge"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              }
            },
            "/api/v1/tickets/{id}/followers/{user}": {
              "put": {
                "operationId": "followTicket",
                "tags": ["tickets"],
                "summary": "Add a follower",
                "description": "Idempotent. A user id that does not exist is a 422 naming user_id.",
                "parameters": [
                  {"$ref": "#/components/parameters/TicketId"},
                  {
                    "name": "user",
                    "in": "path",
                    "required": true,
                    "description": "The user's id.",
                    "schema": {"$ref": "#/components/schemas/Id"}
                  }
                ],
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "200": {
                    "description": "The ticket.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Ticket"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              },
              "delete": {
                "operationId": "unfollowTicket",
                "tags": ["tickets"],
                "summary": "Remove a follower",
                "description": "Idempotent.",
                "parameters": [
                  {"$ref": "#/components/parameters/TicketId"},
                  {
                    "name": "user",
                    "in": "path",
                    "required": true,
                    "description": "The user's id.",
                    "schema": {"$ref": "#/components/schemas/Id"}
                  }
                ],
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "200": {
                    "description": "The ticket.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Ticket"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              }
            },
            "/api/v1/tickets/{id}/history": {
              "get": {
                "operationId": "getTicketHistory",
                "tags": ["tickets"],
                "summary": "A ticket's audit history",
                "parameters": [{"$ref": "#/components/parameters/TicketId"}],
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {
                    "description": "The ticket's audit events, oldest first: its own and those of the messages added to it (entity `message`, filed under the ticket's id).",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AuditEventPage"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
            "/api/v1/views": {
              "get": {
                "operationId": "listViews",
                "tags": ["views"],
                "summary": "List views",
                "description": "The built-in views, then saved views the user owns or that are shared.",
                "parameters": [
                  {
                    "name": "counts",
                    "in": "query",
                    "description": "false leaves out each view's ticket count.",
                    "schema": {"type": "boolean", "default": true}
                  }
                ],
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {
                    "description": "All views (one page).",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ViewPage"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"}
                }
              },
              "post": {
                "operationId": "createView",
                "tags": ["views"],
                "summary": "Save a view",
                "parameters": [{"$ref": "#/components/parameters/IdempotencyKey"}],
                "requestBody": {
                  "required": true,
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CreateViewRequest"}}}
                },
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "201": {
                    "description": "The new view.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/View"}}},
                    "headers": {
                      "Idempotent-Replayed": {"$ref": "#/components/headers/IdempotentReplayed"}
                    }
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "413": {"$ref": "#/components/responses/PayloadTooLarge"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              }
            },
            "/api/v1/views/{id}": {
              "get": {
                "operationId": "getView",
                "tags": ["views"],
                "summary": "Get a saved view",
                "parameters": [{"$ref": "#/components/parameters/ViewId"}],
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {
                    "description": "The view with its count.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/View"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              },
              "patch": {
                "operationId": "updateView",
                "tags": ["views"],
                "summary": "Change a saved view",
                "description": "Others' shared views need the manage-shared-views permission.",
                "parameters": [{"$ref": "#/components/parameters/ViewId"}],
                "requestBody": {
                  "required": true,
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UpdateViewRequest"}}}
                },
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "200": {
                    "description": "The changed view.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/View"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "413": {"$ref": "#/components/responses/PayloadTooLarge"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              },
              "delete": {
                "operationId": "deleteView",
                "tags": ["views"],
                "summary": "Delete a saved view",
                "parameters": [{"$ref": "#/components/parameters/ViewId"}],
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "204": {"$ref": "#/components/responses/NoContent"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
"""#
}
