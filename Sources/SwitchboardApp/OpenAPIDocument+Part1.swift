// Part 1 of 6 of the OpenAPI document (see OpenAPIDocument.swift).
extension OpenAPIDocument {
    static let part1 = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "Switchboard API",
            "version": "1",
            "summary": "The REST API of the Switchboard help desk.",
            "description": "JSON over HTTP under /api/v1. Field names are snake_case; ids are 64-bit integers; times are RFC 3339 strings in UTC with milliseconds. Optional fields without a value are left out of responses (lists always have next_cursor, null on the last page). Errors are RFC 9457 problem documents (application/problem+json) with type, title, status, detail and, when the problem is about one input, field.\n\nAuthenticate with an API token (Authorization: Bearer sb_…, created with POST /api/v1/tokens) or with the sb_session cookie from POST /api/v1/session; browser sessions also send the X-CSRF-Token header on POST, PUT, PATCH and DELETE."
          },
          "servers": [{"url": "/"}],
          "security": [{"bearerAuth": []}, {"sessionCookie": []}],
          "tags": [
            {"name": "session", "description": "Signing in and out."},
            {"name": "tokens", "description": "API tokens."},
            {"name": "users", "description": "Staff accounts."},
            {"name": "teams", "description": "Groups of staff."},
            {"name": "contacts", "description": "Customers."},
            {"name": "organizations", "description": "Customer companies."},
            {"name": "tickets", "description": "Tickets, their timelines, links and followers."},
            {"name": "views", "description": "Saved ticket filters."},
            {"name": "custom fields", "description": "Admin-defined ticket fields."},
            {"name": "tags", "description": "Ticket tags in use; renaming and merging them."},
            {"name": "mail", "description": "The email channel: mailboxes, the mailgate and the mail log."},
            {"name": "service-levels", "description": "Business hours, SLA policies, escalation tiers and escalating a ticket."},
            {"name": "routing", "description": "Agent availability and capacity, skills, and how teams assign tickets."},
            {"name": "automations", "description": "Triggers, time rules and dry runs."},
            {"name": "macros", "description": "Canned replies in several languages with field changes."},
            {"name": "audit", "description": "The append-only audit log."},
            {"name": "meta", "description": "About the API itself."}
          ],
          "paths": {
            "/api/v1/openapi.json": {
              "get": {
                "operationId": "getOpenAPIDocument",
                "tags": ["meta"],
                "summary": "This document",
                "security": [],
                "responses": {
                  "200": {
                    "description": "The OpenAPI 3.1 description of /api/v1.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": ["openapi", "info", "paths"],
                          "additionalProperties": true
                        }
                      }
                    }
                  }
                }
              }
            },
            "/api/v1/session": {
              "post": {
                "operationId": "signIn",
                "tags": ["session"],
                "summary": "Sign in with email and password",
                "description": "Starts a browser session: sets the sb_session cookie (HttpOnly, SameSite=Lax) and returns the CSRF token to send as X-CSRF-Token on unsafe requests. Failed attempts are limited per account and per address.",
                "requestBody": {
                  "required": true,
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SignInRequest"}}}
                },
                "security": [],
                "responses": {
                  "201": {
                    "description": "Signed in.",
                    "headers": {"Set-Cookie": {"description": "The sb_session cookie.", "schema": {"type": "string"}}},
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Session"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "413": {"$ref": "#/components/responses/PayloadTooLarge"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"},
                  "429": {"$ref": "#/components/responses/TooManyRequests"}
                }
              },
              "get": {
                "operationId": "getSession",
                "tags": ["session"],
                "summary": "Who am I",
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {
                    "description": "The signed-in staff member.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Session"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"}
                }
              },
              "delete": {
                "operationId": "signOut",
                "tags": ["session"],
                "summary": "Sign out",
                "description": "Ends the browser session and clears its cookie. With an API token it does nothing (revoke the token instead).",
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "204": {"$ref": "#/components/responses/NoContent"},
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"}
                }
              }
            },
            "/api/v1/tokens": {
              "get": {
                "operationId": "listTokens",
                "tags": ["tokens"],
                "summary": "The signed-in user's API tokens",
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {
                    "description": "Tokens, newest first (one page).",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TokenPage"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"}
                }
              },
              "post": {
                "operationId": "createToken",
                "tags": ["tokens"],
                "summary": "Create an API token",
                "description": "The response is the only time the secret is shown.",
                "parameters": [{"$ref": "#/components/parameters/IdempotencyKey"}],
                "requestBody": {
                  "required": false,
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TokenRequest"}}}
                },
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "201": {
                    "description": "The token with its secret.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CreatedToken"}}},
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
            "/api/v1/tokens/{id}": {
              "delete": {
                "operationId": "revokeToken",
                "tags": ["tokens"],
                "summary": "Revoke an API token",
                "description": "Own tokens; admins and managers may revoke anyone's. Revoking twice is harmless.",
                "parameters": [{"$ref": "#/components/parameters/TokenId"}],
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "200": {
                    "description": "The revoked token.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Token"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
            "/api/v1/users": {
              "get": {
                "operationId": "listUsers",
                "tags": ["users"],
                "summary": "List staff",
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {
                    "description": "All staff (one page).",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UserPage"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"}
                }
              },
              "post": {
                "operationId": "createUser",
                "tags": ["users"],
                "summary": "Create a staff account",
                "parameters": [{"$ref": "#/components/parameters/IdempotencyKey"}],
                "requestBody": {
                  "required": true,
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CreateUserRequest"}}}
                },
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "201": {
                    "description": "The new user.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/User"}}},
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
            "/api/v1/users/{id}": {
              "get": {
                "operationId": "getUser",
                "tags": ["users"],
                "summary": "Get a staff member",
                "parameters": [{"$ref": "#/components/parameters/UserId"}],
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {
                    "description": "The user.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/User"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              },
              "patch": {
                "operationId": "updateUser",
                "tags": ["users"],
                "summary": "Change a staff member",
                "parameters": [{"$ref": "#/components/parameters/UserId"}],
                "requestBody": {
                  "required": true,
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UpdateUserRequest"}}}
                },
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "200": {
                    "description": "The changed user.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/User"}}}
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
            "/api/v1/teams": {
              "get": {
                "operationId": "listTeams",
                "tags": ["teams"],
                "summary": "List teams",
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {
                    "description": "All teams (one page).",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TeamPage"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"}
                }
              },
              "post": {
                "operationId": "createTeam",
                "tags": ["teams"],
                "summary": "Create a team",
                "parameters": [{"$ref": "#/components/parameters/IdempotencyKey"}],
                "requestBody": {
                  "required": true,
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CreateTeamRequest"}}}
                },
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "201": {
                    "description": "The new team.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Team"}}},
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
            "/api/v1/teams/{id}": {
              "get": {
                "operationId": "getTeam",
                "tags": ["teams"],
                "summary": "Get a team",
                "parameters": [{"$ref": "#/components/parameters/TeamId"}],
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {
                    "description": "The team.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Team"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              },
              "patch": {
                "operationId": "updateTeam",
                "tags": ["teams"],
                "summary": "Change a team",
                "parameters": [{"$ref": "#/components/parameters/TeamId"}],
                "requestBody": {
                  "required": true,
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UpdateTeamRequest"}}}
                },
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "200": {
                    "description": "The changed team.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Team"}}}
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
            "/api/v1/contacts": {
              "get": {
                "operationId": "listContacts",
                "tags": ["contacts"],
                "summary": "List or search contacts",
                "parameters": [
                  {
                    "name": "q",
                    "in": "query",
                    "description": "Matches names, emails and phones.",
                    "schema": {"type": "string"}
                  },
                  {
                    "name": "organization_id",
                    "in": "query",
                    "description": "Only this organization's contacts.",
                    "schema": {"$ref": "#/components/schemas/Id"}
                  },
                  {"$ref": "#/components/parameters/IdCursor"},
                  {"$ref": "#/components/parameters/Limit"}
                ],
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {
                    "description": "A page of contacts by id.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ContactPage"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "422": {"$ref": "#/components/responses/UnprocessableContent"}
                }
              },
              "post": {
                "operationId": "createContact",
                "tags": ["contacts"],
                "summary": "Create a contact",
                "parameters": [{"$ref": "#/components/parameters/IdempotencyKey"}],
                "requestBody": {
                  "required": true,
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CreateContactRequest"}}}
                },
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "201": {
                    "description": "The new contact.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Contact"}}},
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
            "/api/v1/contacts/{id}": {
              "get": {
                "operationId": "getContact",
                "tags": ["contacts"],
                "summary": "Get a contact",
                "description": "A merged contact is still returned, with merged_into_id.",
                "parameters": [{"$ref": "#/components/parameters/ContactId"}],
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {
                    "description": "The contact.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Contact"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"}
                }
              },
              "patch": {
                "operationId": "updateContact",
                "tags": ["contacts"],
                "summary": "Change a contact",
                "parameters": [{"$ref": "#/components/parameters/ContactId"}],
                "requestBody": {
                  "required": true,
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/UpdateContactRequest"}}}
                },
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "200": {
                    "description": "The changed contact.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Contact"}}}
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
            "/api/v1/contacts/{id}/merge": {
              "post": {
                "operationId": "mergeContact",
                "tags": ["contacts"],
                "summary": "Merge another contact into this one",
                "description": "The source's emails, phones and tickets move to this contact; the source keeps merged_into_id.",
                "parameters": [{"$ref": "#/components/parameters/ContactId"}],
                "requestBody": {
                  "required": true,
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MergeContactRequest"}}}
                },
                "security": [{"bearerAuth": []}, {"sessionCookie": [], "csrfToken": []}],
                "responses": {
                  "200": {
                    "description": "The contact merged into.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Contact"}}}
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
            "/api/v1/contacts/{id}/tickets": {
              "get": {
                "operationId": "listContactTickets",
                "tags": ["contacts"],
                "summary": "A contact's tickets",
                "parameters": [
                  {"$ref": "#/components/parameters/ContactId"},
                  {
                    "name": "limit",
                    "in": "query",
                    "description": "Page size.",
                    "schema": {"type": "integer", "minimum": 1, "maximum": 200, "default": 100}
                  }
                ],
                "security": [{"bearerAuth": []}, {"sessionCookie": []}],
                "responses": {
                  "200": {
                    "description": "The contact's tickets, newest first (one page).",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TicketPage"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"},
                  "403": {"$ref": "#/components/responses/Forbidden"},
                  "404": {"$ref": "#/components/responses/NotFound"},
        """#
}
