// Part 2 of 6 of the OpenAPI document (see OpenAPIDocument.swift).
extension OpenAPIDocument {
    static let part2 = #"""
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              }
            },
            "/api/v1/organizations": {
              "get": {
                "operationId": "listOrganizations",
                "tags": ["organizations"],
                "summary": "List or search organizations",
                "parameters": [
                  {
                    "name": "q",
                    "in": "query",
                    "description": "Matches names and domains.",
                    "schema": {"type": "string"}
                  },
                  {"$ref": "#/components/parameters/IdCursor"},
                  {"$ref": "#/components/parameters/Limit"}
                ],
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {
                    "description": "A page of organizations by id.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/OrganizationPage"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              },
              "post": {
                "operationId": "createOrganization",
                "tags": ["organizations"],
                "summary": "Create an organization",
                "parameters": [{"$ref": "#/components/parameters/IdempotencyKey"}],
                "requestBody": {
                  "required": true,
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CreateOrganizationRequest"}}}
                },
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "201": {
                    "description": "The new organization.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Organization"}}},
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
            "/api/v1/organizations/{id}": {
              "get": {
                "operationId": "getOrganization",
                "tags": ["organizations"],
                "summary": "Get an organization",
                "parameters": [{"$ref": "#/components/parameters/OrganizationId"}],
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {
                    "description": "The organization.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Organization"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              },
              "patch": {
                "operationId": "updateOrganization",
                "tags": ["organizations"],
                "summary": "Change an organization",
                "parameters": [{"$ref": "#/components/parameters/OrganizationId"}],
                "requestBody": {
                  "required": true,
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UpdateOrganizationRequest"}}}
                },
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "200": {
                    "description": "The changed organization.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Organization"}}}
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
            "/api/v1/tickets": {
              "get": {
                "operationId": "listTickets",
                "tags": ["tickets"],
                "summary": "List, filter and search tickets",
                "description": "Tickets the signed-in user may see, from a view and/or filter parameters, one page at a time.",
                "parameters": [
                  {
                    "name": "view",
                    "in": "query",
                    "description": "Start from a view: a built-in name (my_open, unassigned, my_teams, all_open, pending, recently_solved, sla_breaching_soon, sla_breached) or a saved view's id. The other parameters narrow it.",
                    "schema": {
                      "anyOf": [
                        {
                          "type": "string",
                          "enum": ["my_open", "unassigned", "my_teams", "all_open", "pending", "recently_solved", "sla_breaching_soon", "sla_breached"]
                        },
                        {"type": "string", "pattern": "^[0-9]+$"}
                      ]
                    }
                  },
                  {
                    "name": "q",
                    "in": "query",
                    "description": "Full-text query over subjects and message bodies.",
                    "schema": {"type": "string", "maxLength": 500}
                  },
                  {
                    "name": "status",
                    "in": "query",
                    "description": "Statuses. Comma-separated; any of them matches.",
                    "style": "form",
                    "explode": false,
                    "schema": {"type": "array", "items": {"$ref": "#/components/schemas/TicketStatus"}}
                  },
                  {
                    "name": "priority",
                    "in": "query",
                    "description": "Priorities. Comma-separated; any of them matches.",
                    "style": "form",
                    "explode": false,
                    "schema": {"type": "array", "items": {"$ref": "#/components/schemas/TicketPriority"}}
                  },
                  {
                    "name": "type",
                    "in": "query",
                    "description": "Types. Comma-separated; any of them matches.",
                    "style": "form",
                    "explode": false,
                    "schema": {"type": "array", "items": {"$ref": "#/components/schemas/TicketType"}}
                  },
                  {
                    "name": "tag",
                    "in": "query",
                    "description": "Tags. Comma-separated; any of them matches.",
                    "style": "form",
                    "explode": false,
                    "schema": {"type": "array", "items": {"type": "string"}}
                  },
                  {
                    "name": "assignee",
                    "in": "query",
                    "description": "User ids, me or none (unassigned). Comma-separated; any of them matches.",
                    "style": "form",
                    "explode": false,
                    "schema": {"type": "array", "items": {"type": "string", "pattern": "^(me|none|[0-9]+)$"}}
                  },
                  {
                    "name": "team",
                    "in": "query",
                    "description": "Team ids. Comma-separated; any of them matches.",
                    "style": "form",
                    "explode": false,
                    "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Id"}}
                  },
                  {
                    "name": "requester",
                    "in": "query",
                    "description": "Requester (contact) ids. Comma-separated; any of them matches.",
                    "style": "form",
                    "explode": false,
                    "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Id"}}
                  },
                  {
                    "name": "organization",
                    "in": "query",
                    "description": "Organization ids. Comma-separated; any of them matches.",
                    "style": "form",
                    "explode": false,
                    "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Id"}}
                  },
                  {
                    "name": "channel",
                    "in": "query",
                    "description": "Channels. Comma-separated; any of them matches.",
                    "style": "form",
                    "explode": false,
                    "schema": {"type": "array", "items": {"$ref": "#/components/schemas/ChannelKind"}}
                  },
                  {
                    "name": "created_from",
                    "in": "query",
                    "description": "Created at or after (RFC 3339).",
                    "schema": {"type": "string", "format": "date-time"}
                  },
                  {
                    "name": "created_to",
                    "in": "query",
                    "description": "Created before (RFC 3339).",
                    "schema": {"type": "string", "format": "date-time"}
                  },
                  {
                    "name": "updated_from",
                    "in": "query",
                    "description": "Updated at or after (RFC 3339).",
                    "schema": {"type": "string", "format": "date-time"}
                  },
                  {
                    "name": "updated_to",
                    "in": "query",
                    "description": "Updated before (RFC 3339).",
                    "schema": {"type": "string", "format": "date-time"}
                  },
                  {
                    "name": "sla_due_from",
                    "in": "query",
                    "description": "The next SLA target falls due at or after (RFC 3339); only tickets with a running SLA clock.",
                    "schema": {"type": "string", "format": "date-time"}
                  },
                  {
                    "name": "sla_due_to",
                    "in": "query",
                    "description": "The next SLA target falls due before (RFC 3339); only tickets with a running SLA clock.",
                    "schema": {"type": "string", "format": "date-time"}
                  },
                  {
                    "name": "sort",
                    "in": "query",
                    "description": "The order (default -updated_at, or the view's; with q and no sort, -id: newest first).",
                    "schema": {"$ref": "#/components/schemas/TicketSort"}
                  },
                  {
                    "name": "cursor",
                    "in": "query",
                    "description": "The next_cursor of the previous page (opaque; only valid with the same sort).",
                    "schema": {"type": "string", "maxLength": 200}
                  },
                  {"$ref": "#/components/parameters/Limit"},
                  {
                    "name": "count",
                    "in": "query",
                    "description": "true adds the total number of matching tickets as count.",
                    "schema": {"type": "boolean", "default": false}
                  }
                ],
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {
                    "description": "A page of tickets.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TicketPage"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              },
              "post": {
                "operationId": "createTicket",
                "tags": ["tickets"],
                "summary": "Create a ticket",
                "parameters": [{"$ref": "#/components/parameters/IdempotencyKey"}],
                "requestBody": {
                  "required": true,
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CreateTicketRequest"}}}
                },
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "201": {
                    "description": "The new ticket.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Ticket"}}},
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
            "/api/v1/tickets/{id}": {
              "get": {
                "operationId": "getTicket",
                "tags": ["tickets"],
                "summary": "Get a ticket",
                "parameters": [{"$ref": "#/components/parameters/TicketId"}],
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {
                    "description": "The ticket.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Ticket"}}},
                    "headers": {
                      "ETag": {
                        "description": "The ticket's version as an entity tag, like \"3\"; send it back as If-Match.",
                        "required": true,
                        "schema": {"type": "string", "pattern": "^\"[0-9]+\"$"}
                      }
                    }
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              },
              "patch": {
                "operationId": "updateTicket",
                "tags": ["tickets"],
                "summary": "Change a ticket",
                "description": "Send the ETag from GET as If-Match (or the version in the body) to refuse the change when someone else changed the ticket first: the 409 problem then carries the current ticket.",
                "parameters": [
                  {"$ref": "#/components/parameters/TicketId"},
                  {
                    "name": "If-Match",
                    "in": "header",
                    "description": "The ticket's version as an ETag, like \"3\".",
                    "schema": {"type": "string", "pattern": "^(W/)?\"?[0-9]+\"?$"}
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UpdateTicketRequest"}}}
                },
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "200": {
                    "description": "The changed ticket.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Ticket"}}},
                    "headers": {
                      "ETag": {
                        "description": "The ticket's version as an entity tag, like \"3\"; send it back as If-Match.",
                        "required": true,
                        "schema": {"type": "string", "pattern": "^\"[0-9]+\"$"}
                      }
                    }
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
            "/api/v1/tickets/{id}/messages": {
              "get": {
                "operationId": "listTicketMessages",
                "tags": ["tickets"],
                "summary": "A ticket's timeline",
                "parameters": [{"$ref": "#/components/parameters/TicketId"}],
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {
                    "description": "All messages, oldest first (one page).",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MessagePage"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              },
              "post": {
                "operationId": "addTicketMessage",
                "tags": ["tickets"],
                "summary": "Reply or add a note",
                "description": "A staff reply opens a new ticket and sets first_reply_at; a requester reply reopens a solved ticket, and on a closed ticket lands on a new follow-up ticket (see ticket_id).",
                "parameters": [
                  {"$ref": "#/components/parameters/TicketId"},
                  {"$ref": "#/components/parameters/IdempotencyKey"}
                ],
                "requestBody": {
                  "required": true,
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AddMessageRequest"}}}
                },
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "201": {
                    "description": "The new message.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Message"}}},
                    "headers": {
                      "Idempotent-Replayed": {"$ref": "#/components/headers/IdempotentReplayed"}
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
            "/api/v1/tickets/{id}/links": {
              "get": {
                "operationId": "listTicketLinks",
                "tags": ["tickets"],
                "summary": "A ticket's links",
                "parameters": [{"$ref": "#/components/parameters/TicketId"}],
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {
                    "description": "All links (one page).",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/LinkPage"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              },
              "post": {
                "operationId": "linkTicket",
                "tags": ["tickets"],
                "summary": "Link to another ticket",
                "parameters": [{"$ref": "#/components/parameters/TicketId"}, {"$ref": "#/components/parameters/IdempotencyKey"}],
                "requestBody": {
                  "required": true,
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/LinkRequest"}}}
                },
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "201": {
                    "description": "The link.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Link"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "413": {"$ref": "#/components/responses/PayloadTooLarge"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              }
            },
            "/api/v1/tickets/{id}/links/{kind}/{other}": {
              "delete": {
                "operationId": "unlinkTicket",
                "tags": ["tickets"],
                "summary": "Remove a link",
                "parameters": [
                  {"$ref": "#/components/parameters/TicketId"},
                  {
                    "name": "kind",
                    "in": "path",
                    "required": true,
                    "description": "The link's kind.",
                    "schema": {"$ref": "#/components/schemas/TicketLinkKind"}
                  },
                  {
                    "name": "other",
                    "in": "path",
                    "required": true,
                    "description": "The linked ticket's id.",
                    "schema": {"$ref": "#/components/schemas/Id"}
                  }
                ],
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "204": {"$ref": "#/components/responses/NoContent"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
            "/api/v1/tickets/{id}/merge": {
              "post": {
                "operationId": "mergeTicket",
                "tags": ["tickets"],
                "summary": "Merge this ticket into another",
                "description": "Moves this ticket's timeline to the target and closes this ticket with merged_into_id.",
                "parameters": [{"$ref": "#/components/parameters/TicketId"}],
                "requestBody": {
                  "required": true,
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MergeTicketRequest"}}}
                },
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
        """#
}
