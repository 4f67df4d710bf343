/**
 * The published snapshot schema (schema/snapshot.json) as a module. Written by
 * scripts/schema-module.mjs; do not edit by hand.
 *
 * @internal
 */
export const snapshotJsonSchema: { readonly [key: string]: unknown } = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://account-closure.dev/schema/snapshot.json",
  "title": "Account snapshot",
  "description": "Everything account-closure needs to know about one user at one instant (asOf), to say whether the account (or one agency) can be closed. Every field is required: an empty list is written [], no freelancer profile is null; fields not named here are ignored. Amounts are written as integer literals (no fraction, no exponent). Rules JSON Schema cannot state, which decodeSnapshot also checks: ids are unique within each list (members by userId); an ended contract has an endedAt, a contract that has not ended has endedAt null, and no endedAt is after asOf; the amounts of one earnings object share one currency; when the user owns a company or agency, no member of it is an owner; the user owns an agency only with a freelancer profile; the user is never among a team's members; instants name real calendar dates and lie in 0001-01-01T00:00:00Z ≤ t < 9999-01-01T00:00:00Z; no object repeats a key. See docs/snapshot.md.",
  "type": "object",
  "required": [
    "asOf",
    "user",
    "freelancer",
    "companies",
    "agencies",
    "disputes",
    "subscriptions",
    "billingMethods"
  ],
  "properties": {
    "asOf": {
      "$ref": "#/$defs/Instant",
      "description": "The instant the facts hold at; every time rule is evaluated at it."
    },
    "user": {
      "$ref": "#/$defs/User"
    },
    "freelancer": {
      "description": "The user's freelancer work, or null without a freelancer profile.",
      "anyOf": [
        {
          "$ref": "#/$defs/FreelancerProfile"
        },
        {
          "type": "null"
        }
      ]
    },
    "companies": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/Company"
      },
      "description": "Every client company the user belongs to, in any role."
    },
    "agencies": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/Agency"
      },
      "description": "Every agency the user belongs to, in any role."
    },
    "disputes": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/Dispute"
      }
    },
    "subscriptions": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/Subscription"
      }
    },
    "billingMethods": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/BillingMethod"
      }
    },
    "extensions": {
      "type": "object",
      "description": "An app's own facts, by key (each value is JSON of the app's own shape), read only by the app's own rules, each under a key that a rule declares (a policy's schema states each declared key's shape). Optional: absent is {}."
    }
  },
  "$defs": {
    "Instant": {
      "type": "string",
      "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]+)?)?(Z|[+-]([01][0-9]|2[0-3]):?[0-5][0-9])$",
      "description": "An ISO-8601 instant with Z or a UTC offset within ±23:59 (+01:00 or +0100); seconds and any number of fraction digits optional; months 01–12, days 01–31, hours 00–23, minutes and seconds 00–59. What this pattern cannot state: the date must be real (no 30 February, no 31 April), and the instant, in UTC, must lie in 0001-01-01T00:00:00Z ≤ t < 9999-01-01T00:00:00Z."
    },
    "Id": {
      "type": "string",
      "minLength": 1,
      "description": "A non-empty identifier."
    },
    "Money": {
      "type": "object",
      "description": "An amount in minor units (cents) and its currency.",
      "properties": {
        "amount": {
          "type": "integer",
          "minimum": 0,
          "maximum": 9007199254740991,
          "description": "A non-negative whole number of minor units."
        },
        "currency": {
          "type": "string",
          "pattern": "^[A-Z]{3}$",
          "description": "Three capital letters, such as USD."
        }
      },
      "required": [
        "amount",
        "currency"
      ]
    },
    "User": {
      "type": "object",
      "description": "The user closing.",
      "properties": {
        "id": {
          "$ref": "#/$defs/Id"
        },
        "securityQuestionSet": {
          "type": "boolean"
        },
        "standing": {
          "enum": [
            "good",
            "on_hold",
            "suspended"
          ]
        }
      },
      "required": [
        "id",
        "securityQuestionSet",
        "standing"
      ]
    },
    "Contract": {
      "type": "object",
      "description": "A contract; endedAt is its end once it has ended, otherwise null.",
      "properties": {
        "id": {
          "$ref": "#/$defs/Id"
        },
        "type": {
          "enum": [
            "hourly",
            "fixed"
          ]
        },
        "status": {
          "enum": [
            "pending",
            "active",
            "paused",
            "ended"
          ]
        },
        "endedAt": {
          "anyOf": [
            {
              "$ref": "#/$defs/Instant"
            },
            {
              "type": "null"
            }
          ]
        }
      },
      "required": [
        "id",
        "type",
        "status",
        "endedAt"
      ]
    },
    "Proposal": {
      "type": "object",
      "description": "A proposal, or an offer (status offer).",
      "properties": {
        "id": {
          "$ref": "#/$defs/Id"
        },
        "status": {
          "enum": [
            "submitted",
            "active",
            "offer",
            "withdrawn",
            "declined",
            "archived"
          ]
        }
      },
      "required": [
        "id",
        "status"
      ]
    },
    "PendingPayment": {
      "type": "object",
      "description": "A payment on its way, available at availableAt.",
      "properties": {
        "id": {
          "$ref": "#/$defs/Id"
        },
        "amount": {
          "$ref": "#/$defs/Money"
        },
        "availableAt": {
          "$ref": "#/$defs/Instant"
        }
      },
      "required": [
        "id",
        "amount",
        "availableAt"
      ]
    },
    "Earnings": {
      "type": "object",
      "description": "Money earned: pending payments, and the amount available to withdraw now.",
      "properties": {
        "pending": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/PendingPayment"
          }
        },
        "available": {
          "$ref": "#/$defs/Money"
        }
      },
      "required": [
        "pending",
        "available"
      ]
    },
    "FreelancerProfile": {
      "type": "object",
      "description": "The user's freelancer work.",
      "properties": {
        "contracts": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/Contract"
          }
        },
        "proposals": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/Proposal"
          }
        },
        "earnings": {
          "$ref": "#/$defs/Earnings"
        }
      },
      "required": [
        "contracts",
        "proposals",
        "earnings"
      ]
    },
    "CompanyMember": {
      "type": "object",
      "description": "Another person in a client company.",
      "properties": {
        "userId": {
          "$ref": "#/$defs/Id"
        },
        "role": {
          "enum": [
            "owner",
            "admin",
            "manager",
            "member"
          ]
        }
      },
      "required": [
        "userId",
        "role"
      ]
    },
    "AgencyMember": {
      "type": "object",
      "description": "Another person in an agency.",
      "properties": {
        "userId": {
          "$ref": "#/$defs/Id"
        },
        "role": {
          "enum": [
            "owner",
            "admin",
            "member"
          ]
        }
      },
      "required": [
        "userId",
        "role"
      ]
    },
    "Job": {
      "type": "object",
      "description": "A job post of a company.",
      "properties": {
        "id": {
          "$ref": "#/$defs/Id"
        },
        "status": {
          "enum": [
            "open",
            "closed"
          ]
        }
      },
      "required": [
        "id",
        "status"
      ]
    },
    "Company": {
      "type": "object",
      "description": "A client company the user belongs to; members are the other people in it.",
      "properties": {
        "id": {
          "$ref": "#/$defs/Id"
        },
        "name": {
          "type": "string"
        },
        "role": {
          "enum": [
            "owner",
            "admin",
            "manager",
            "member"
          ]
        },
        "members": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/CompanyMember"
          }
        },
        "contracts": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/Contract"
          }
        },
        "jobs": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/Job"
          }
        },
        "outstanding": {
          "$ref": "#/$defs/Money"
        }
      },
      "required": [
        "id",
        "name",
        "role",
        "members",
        "contracts",
        "jobs",
        "outstanding"
      ]
    },
    "Agency": {
      "type": "object",
      "description": "An agency the user belongs to; members are the other people in it.",
      "properties": {
        "id": {
          "$ref": "#/$defs/Id"
        },
        "name": {
          "type": "string"
        },
        "role": {
          "enum": [
            "owner",
            "admin",
            "member"
          ]
        },
        "members": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/AgencyMember"
          }
        },
        "contracts": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/Contract"
          }
        },
        "proposals": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/Proposal"
          }
        },
        "earnings": {
          "$ref": "#/$defs/Earnings"
        }
      },
      "required": [
        "id",
        "name",
        "role",
        "members",
        "contracts",
        "proposals",
        "earnings"
      ]
    },
    "Dispute": {
      "type": "object",
      "description": "A dispute the user is party to.",
      "properties": {
        "id": {
          "$ref": "#/$defs/Id"
        },
        "status": {
          "enum": [
            "open",
            "resolved"
          ]
        }
      },
      "required": [
        "id",
        "status"
      ]
    },
    "Subscription": {
      "type": "object",
      "description": "A paid plan.",
      "properties": {
        "id": {
          "$ref": "#/$defs/Id"
        },
        "plan": {
          "type": "string"
        },
        "status": {
          "enum": [
            "active",
            "cancelled"
          ]
        }
      },
      "required": [
        "id",
        "plan",
        "status"
      ]
    },
    "BillingMethod": {
      "type": "object",
      "description": "A saved way to pay.",
      "properties": {
        "id": {
          "$ref": "#/$defs/Id"
        },
        "kind": {
          "type": "string"
        }
      },
      "required": [
        "id",
        "kind"
      ]
    }
  }
}
