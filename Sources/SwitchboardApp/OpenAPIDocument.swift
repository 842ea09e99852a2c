/// The OpenAPI 3.1 description of `/api/v1`, served at `/api/v1/openapi.json`.
///
/// Plain data: keep it in step with `routes.swift`, `Requests.swift` and `DTOs.swift`.
/// `e2e/api/test_openapi_contract.py` checks every route against it.
enum OpenAPIDocument {
    static let json = #"""
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
                      "Idempotent-Replayed": {
                        "description": "true when this is the stored response of an earlier request with the same Idempotency-Key.",
                        "schema": {"type": "string", "enum": ["true"]}
                      }
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
                      "Idempotent-Replayed": {
                        "description": "true when this is the stored response of an earlier request with the same Idempotency-Key.",
                        "schema": {"type": "string", "enum": ["true"]}
                      }
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
                      "Idempotent-Replayed": {
                        "description": "true when this is the stored response of an earlier request with the same Idempotency-Key.",
                        "schema": {"type": "string", "enum": ["true"]}
                      }
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
                      "Idempotent-Replayed": {
                        "description": "true when this is the stored response of an earlier request with the same Idempotency-Key.",
                        "schema": {"type": "string", "enum": ["true"]}
                      }
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
                      "Idempotent-Replayed": {
                        "description": "true when this is the stored response of an earlier request with the same Idempotency-Key.",
                        "schema": {"type": "string", "enum": ["true"]}
                      }
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
                    "description": "Start from a view: a built-in name (my_open, unassigned, my_teams, all_open, pending, recently_solved) or a saved view's id. The other parameters narrow it.",
                    "schema": {
                      "anyOf": [
                        {
                          "type": "string",
                          "enum": ["my_open", "unassigned", "my_teams", "all_open", "pending", "recently_solved"]
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
                      "Idempotent-Replayed": {
                        "description": "true when this is the stored response of an earlier request with the same Idempotency-Key.",
                        "schema": {"type": "string", "enum": ["true"]}
                      }
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
                      "Idempotent-Replayed": {
                        "description": "true when this is the stored response of an earlier request with the same Idempotency-Key.",
                        "schema": {"type": "string", "enum": ["true"]}
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
                "parameters": [{"$ref": "#/components/parameters/TicketId"}],
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
                "parameters": [{"$ref": "#/components/parameters/TicketId"}],
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
                    "description": "The ticket's audit events (one page).",
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
                      "Idempotent-Replayed": {
                        "description": "true when this is the stored response of an earlier request with the same Idempotency-Key.",
                        "schema": {"type": "string", "enum": ["true"]}
                      }
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
                      "Idempotent-Replayed": {
                        "description": "true when this is the stored response of an earlier request with the same Idempotency-Key.",
                        "schema": {"type": "string", "enum": ["true"]}
                      }
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
                  "reopen_count": {"type": "integer", "minimum": 0},
                  "merged_into_id": {
                    "type": "integer",
                    "format": "int64",
                    "minimum": 1,
                    "description": "The ticket this one was merged into."
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
                "required": ["id", "name", "member_ids"],
                "properties": {
                  "id": {"$ref": "#/components/schemas/Id"},
                  "name": {"type": "string"},
                  "description": {"type": "string"},
                  "member_ids": {"type": "array", "items": {"$ref": "#/components/schemas/Id"}}
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
                    "description": "A saved view's numeric id as a string, or a built-in view's name (my_open, unassigned, my_teams, all_open, pending, recently_solved)."
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
              "CreateUserRequest": {
                "type": "object",
                "description": "A new staff account. Without a password, the account cannot sign in until one is set.",
                "required": ["email", "name", "role"],
                "properties": {
                  "email": {
                    "type": "string",
                    "minLength": 3,
                    "maxLength": 254,
                    "description": "An email address; trimmed and lower-cased."
                  },
                  "name": {"type": "string", "minLength": 1, "maxLength": 200},
                  "job_title": {"type": "string", "maxLength": 120, "description": "Empty clears it."},
                  "locale": {
                    "type": "string",
                    "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
                    "description": "A BCP 47 language tag: en, uk, pt-BR."
                  },
                  "role": {"$ref": "#/components/schemas/Role"},
                  "password": {"type": "string", "minLength": 10, "maxLength": 200},
                  "team_ids": {"type": "array", "items": {"$ref": "#/components/schemas/Id"}}
                },
                "additionalProperties": false
              },
              "UpdateUserRequest": {
                "type": "object",
                "description": "A partial user update. Users may change their own name, job title, locale and password; email, role, teams and active need an admin or manager.",
                "properties": {
                  "email": {
                    "type": "string",
                    "minLength": 3,
                    "maxLength": 254,
                    "description": "An email address; trimmed and lower-cased."
                  },
                  "name": {"type": "string", "minLength": 1, "maxLength": 200},
                  "job_title": {"type": "string", "maxLength": 120, "description": "Empty clears it."},
                  "locale": {
                    "type": "string",
                    "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
                    "description": "A BCP 47 language tag: en, uk, pt-BR."
                  },
                  "role": {"$ref": "#/components/schemas/Role"},
                  "password": {"type": "string", "minLength": 10, "maxLength": 200},
                  "team_ids": {"type": "array", "items": {"$ref": "#/components/schemas/Id"}},
                  "active": {"type": "boolean"}
                },
                "additionalProperties": false
              },
              "CreateTeamRequest": {
                "type": "object",
                "required": ["name"],
                "properties": {
                  "name": {"type": "string", "minLength": 1, "maxLength": 100},
                  "description": {"type": "string", "maxLength": 1000},
                  "member_ids": {"type": "array", "items": {"$ref": "#/components/schemas/Id"}}
                },
                "additionalProperties": false
              },
              "UpdateTeamRequest": {
                "type": "object",
                "description": "A partial team update.",
                "properties": {
                  "name": {"type": "string", "minLength": 1, "maxLength": 100},
                  "description": {"type": "string", "maxLength": 1000, "description": "Empty clears it."},
                  "member_ids": {
                    "type": "array",
                    "items": {"$ref": "#/components/schemas/Id"},
                    "description": "Replaces the members."
                  }
                },
                "additionalProperties": false
              },
              "CreateContactRequest": {
                "type": "object",
                "description": "A new customer.",
                "required": ["name"],
                "properties": {
                  "name": {"type": "string", "minLength": 1, "maxLength": 200},
                  "emails": {
                    "type": "array",
                    "items": {
                      "type": "string",
                      "minLength": 3,
                      "maxLength": 254,
                      "description": "An email address; trimmed and lower-cased."
                    },
                    "maxItems": 20,
                    "uniqueItems": true
                  },
                  "phones": {
                    "type": "array",
                    "items": {
                      "type": "string",
                      "maxLength": 40,
                      "description": "An international number (+380 44 123 45 67 or 00…); stored in E.164 form."
                    },
                    "maxItems": 20
                  },
                  "locale": {
                    "type": "string",
                    "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
                    "description": "A BCP 47 language tag: en, uk, pt-BR."
                  },
                  "organization_id": {"$ref": "#/components/schemas/Id"},
                  "attributes": {"$ref": "#/components/schemas/Attributes"}
                },
                "additionalProperties": false
              },
              "UpdateContactRequest": {
                "type": "object",
                "description": "A partial contact update: fields left out keep their values.",
                "properties": {
                  "name": {"type": "string", "minLength": 1, "maxLength": 200},
                  "emails": {
                    "type": "array",
                    "items": {
                      "type": "string",
                      "minLength": 3,
                      "maxLength": 254,
                      "description": "An email address; trimmed and lower-cased."
                    },
                    "maxItems": 20,
                    "uniqueItems": true
                  },
                  "phones": {
                    "type": "array",
                    "items": {
                      "type": "string",
                      "maxLength": 40,
                      "description": "An international number (+380 44 123 45 67 or 00…); stored in E.164 form."
                    },
                    "maxItems": 20
                  },
                  "locale": {
                    "type": "string",
                    "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
                    "description": "A BCP 47 language tag: en, uk, pt-BR."
                  },
                  "organization_id": {"$ref": "#/components/schemas/Id"},
                  "attributes": {"$ref": "#/components/schemas/Attributes"}
                },
                "additionalProperties": false
              },
              "MergeContactRequest": {
                "type": "object",
                "required": ["source_id"],
                "properties": {
                  "source_id": {
                    "type": "integer",
                    "format": "int64",
                    "minimum": 1,
                    "description": "The contact to merge into the one in the path; its emails, phones and tickets move."
                  }
                },
                "additionalProperties": false
              },
              "CreateOrganizationRequest": {
                "type": "object",
                "description": "A new organization.",
                "required": ["name"],
                "properties": {
                  "name": {"type": "string", "minLength": 1, "maxLength": 200},
                  "domains": {
                    "type": "array",
                    "items": {"type": "string", "minLength": 1, "maxLength": 253},
                    "maxItems": 50
                  },
                  "tier": {"$ref": "#/components/schemas/OrganizationTier", "description": "Default standard."},
                  "account_owner_id": {"$ref": "#/components/schemas/Id"},
                  "notes": {"type": "string", "maxLength": 10000},
                  "attributes": {"$ref": "#/components/schemas/Attributes"}
                },
                "additionalProperties": false
              },
              "UpdateOrganizationRequest": {
                "type": "object",
                "description": "A partial organization update: fields left out keep their values.",
                "properties": {
                  "name": {"type": "string", "minLength": 1, "maxLength": 200},
                  "domains": {
                    "type": "array",
                    "items": {"type": "string", "minLength": 1, "maxLength": 253},
                    "maxItems": 50
                  },
                  "tier": {"$ref": "#/components/schemas/OrganizationTier", "description": "Default standard."},
                  "account_owner_id": {"$ref": "#/components/schemas/Id"},
                  "notes": {"type": "string", "maxLength": 10000},
                  "attributes": {"$ref": "#/components/schemas/Attributes"}
                },
                "additionalProperties": false
              },
              "CreateViewRequest": {
                "type": "object",
                "description": "A new saved view.",
                "required": ["name"],
                "properties": {
                  "name": {"type": "string", "minLength": 1, "maxLength": 120},
                  "shared": {
                    "type": "boolean",
                    "description": "Shared views need the manage-shared-views permission. Default false."
                  },
                  "filter": {"$ref": "#/components/schemas/TicketFilter"},
                  "sort": {"$ref": "#/components/schemas/TicketSort", "description": "Default -updated_at."}
                },
                "additionalProperties": false
              },
              "UpdateViewRequest": {
                "type": "object",
                "description": "A partial view update; filter replaces the whole filter.",
                "properties": {
                  "name": {"type": "string", "minLength": 1, "maxLength": 120},
                  "shared": {
                    "type": "boolean",
                    "description": "Shared views need the manage-shared-views permission. Default false."
                  },
                  "filter": {"$ref": "#/components/schemas/TicketFilter"},
                  "sort": {"$ref": "#/components/schemas/TicketSort", "description": "Default -updated_at."}
                },
                "additionalProperties": false
              },
              "TokenRequest": {
                "type": "object",
                "description": "A new API token for the signed-in user.",
                "properties": {
                  "name": {"type": "string", "minLength": 1, "maxLength": 100, "description": "Default \"API token\"."}
                },
                "additionalProperties": false
              },
              "SignInRequest": {
                "type": "object",
                "required": ["email", "password"],
                "properties": {"email": {"type": "string"}, "password": {"type": "string"}},
                "additionalProperties": false
              },
              "CustomFieldRequest": {
                "type": "object",
                "description": "A new custom ticket field.",
                "required": ["key", "label", "kind"],
                "properties": {
                  "key": {
                    "type": "string",
                    "pattern": "^[a-z][a-z0-9_]{0,63}$",
                    "description": "The stable machine name used in custom_fields."
                  },
                  "label": {"type": "string", "minLength": 1, "maxLength": 120},
                  "kind": {"$ref": "#/components/schemas/CustomFieldKind"},
                  "options": {
                    "type": "array",
                    "items": {"type": "string", "minLength": 1, "maxLength": 120},
                    "uniqueItems": true,
                    "description": "Required for dropdown fields, not allowed for others."
                  },
                  "required": {"type": "boolean", "description": "Default false."}
                },
                "additionalProperties": false
              }
            },
            "parameters": {
              "Limit": {
                "name": "limit",
                "in": "query",
                "description": "Page size.",
                "schema": {"type": "integer", "minimum": 1, "maximum": 200, "default": 50}
              },
              "IdCursor": {
                "name": "cursor",
                "in": "query",
                "description": "The next_cursor of the previous page.",
                "schema": {"type": "string", "pattern": "^[0-9]+$"}
              },
              "IdempotencyKey": {
                "name": "Idempotency-Key",
                "in": "header",
                "description": "Makes the create safe to retry: a repeat with the same key returns the first response (with Idempotent-Replayed: true) instead of creating again. 1–255 visible ASCII characters, unique per user.",
                "schema": {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[!-~]+$"}
              },
              "TicketId": {
                "name": "id",
                "in": "path",
                "required": true,
                "description": "The ticket's id.",
                "schema": {"$ref": "#/components/schemas/Id"}
              },
              "UserId": {
                "name": "id",
                "in": "path",
                "required": true,
                "description": "The user's id.",
                "schema": {"$ref": "#/components/schemas/Id"}
              },
              "TeamId": {
                "name": "id",
                "in": "path",
                "required": true,
                "description": "The team's id.",
                "schema": {"$ref": "#/components/schemas/Id"}
              },
              "ContactId": {
                "name": "id",
                "in": "path",
                "required": true,
                "description": "The contact's id.",
                "schema": {"$ref": "#/components/schemas/Id"}
              },
              "OrganizationId": {
                "name": "id",
                "in": "path",
                "required": true,
                "description": "The organization's id.",
                "schema": {"$ref": "#/components/schemas/Id"}
              },
              "ViewId": {
                "name": "id",
                "in": "path",
                "required": true,
                "description": "A saved view's id (built-in views are not addressable here).",
                "schema": {"$ref": "#/components/schemas/Id"}
              },
              "TokenId": {
                "name": "id",
                "in": "path",
                "required": true,
                "description": "The token's id.",
                "schema": {"$ref": "#/components/schemas/Id"}
              }
            },
            "responses": {
              "Unauthorized": {
                "description": "Not signed in, or the API token is not valid or was revoked.",
                "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
              },
              "Forbidden": {
                "description": "The role may not do this, or a browser session sent an unsafe request without the right X-CSRF-Token header.",
                "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
              },
              "NotFound": {
                "description": "The record (or a record the body names, see field) does not exist.",
                "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
              },
              "Conflict": {
                "description": "Conflicts with the current state: a duplicate (see field) or a stale version.",
                "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
              },
              "PayloadTooLarge": {
                "description": "The request body is larger than the limit (1 MiB by default).",
                "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
              },
              "UnprocessableContent": {
                "description": "The body is not valid JSON, a field is missing, has the wrong type or an unknown value, fails validation, or a query parameter or header is invalid; field names it.",
                "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
              },
              "TooManyRequests": {
                "description": "Too many failed sign-ins for this account or address; try again later.",
                "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
                "headers": {
                  "Retry-After": {
                    "description": "Seconds to wait.",
                    "required": true,
                    "schema": {"type": "integer", "minimum": 0}
                  }
                }
              },
              "NoContent": {"description": "Done; no body."}
            },
            "securitySchemes": {
              "bearerAuth": {"type": "http", "scheme": "bearer", "description": "An API token: Authorization: Bearer sb_…."},
              "sessionCookie": {
                "type": "apiKey",
                "in": "cookie",
                "name": "sb_session",
                "description": "The browser session cookie set by POST /api/v1/session."
              },
              "csrfToken": {
                "type": "apiKey",
                "in": "header",
                "name": "X-CSRF-Token",
                "description": "The csrf_token of the session; required with the session cookie on POST, PUT, PATCH and DELETE."
              }
            }
          }
        }
        """#
}
