// Generated from docs/openapi.json by `npm run openapi`. Do not edit.
export interface paths {
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Public keys that verify our access tokens (kid-indexed JWKS) */
        get: operations["sharedJwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete the account (SPEC §14): 401 from then on; the live session closes, messages are emptied, payments kept anonymous */
        delete: operations["customerDeleteAccount"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/account/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Everything of yours: profile, sessions, your messages, payments, ratings and reports filed
         * @description One JSON document (SPEC §14), sent as it is read (chunked, no Content-Length): the messages come last, a few sessions at a time. Only data still kept is in it (message bodies go after retention.message_days). A connection cut mid-way leaves invalid JSON: ask again.
         */
        get: operations["customerExportAccount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/auth/apple": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in (or upgrade the caller’s guest) with a apple id_token */
        post: operations["customerSignInWithApple"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/auth/google": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in (or upgrade the caller’s guest) with a google id_token */
        post: operations["customerSignInWithGoogle"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in customer's profile */
        get: operations["customerMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/auth/otp/request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a sign-in code to a customer’s phone (rate-limited per phone and IP) */
        post: operations["customerRequestOtp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/auth/otp/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in, or upgrade the caller’s guest (anonymous_customer_id + the guest’s bearer token) */
        post: operations["customerVerifyOtp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/auth/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the customer's display name */
        patch: operations["customerUpdateProfile"];
        trace?: never;
    };
    "/api/client/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many mitras are available now (cached up to 10 s) */
        get: operations["clientAvailability"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/chat/request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask to talk (limited per customer and device): offered to available mitras (or the targeted one) */
        post: operations["clientCreateChatRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/chat/request/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a searching request (idempotent); offers show "cancelled by customer" */
        post: operations["clientCancelChatRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report the other participant: one per session per reporter */
        post: operations["customerReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** History, newest first (never topic_sensitivity) */
        get: operations["customerSessionHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the customer’s sessions (with the pay link while a payment is open) */
        get: operations["customerSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/sessions/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the session → closing (while active only if early_end allows this side) */
        post: operations["customerEndSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/sessions/{id}/extensions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** After time-up, within the extension window: ask the mitra for more time (one open at a time) */
        post: operations["customerRequestExtension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/sessions/{id}/goodbye": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** One goodbye per side while closing; both → completed */
        post: operations["customerGoodbye"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/sessions/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The transcript, cursor on seq, ascending or descending */
        get: operations["customerListMessages"];
        put?: never;
        /** Send a message (a burst, then 1 a second per sender): gap-free seq; the same client_message_id returns the same message */
        post: operations["customerSendMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/sessions/{id}/messages/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The other side’s messages delivered/read up to a seq (never backwards) */
        post: operations["customerMarkReceipts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/sessions/{id}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Once per session, after it ended */
        post: operations["customerRateSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/sessions/{id}/typing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ephemeral typing flag in sessions/{id}/typing/{user_type} */
        post: operations["customerTyping"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/client/sessions/active": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The customer’s current session (pending_payment, active, expired or closing), or null */
        get: operations["customerActiveSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mitra/account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete the account (SPEC §14): 401 from then on; the live session closes, messages are emptied, payments kept anonymous */
        delete: operations["mitraDeleteAccount"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mitra/account/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Everything of yours: profile, sessions, your messages, ratings received and reports filed
         * @description One JSON document (SPEC §14), sent as it is read (chunked, no Content-Length): the messages come last, a few sessions at a time. Only data still kept is in it (message bodies go after retention.message_days). A connection cut mid-way leaves invalid JSON: ask again.
         */
        get: operations["mitraExportAccount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mitra/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in mitra's profile */
        get: operations["mitraMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mitra/auth/otp/request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a sign-in code to a mitra’s phone (rate-limited per phone and IP) */
        post: operations["mitraRequestOtp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mitra/auth/otp/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in; an unknown phone becomes an inactive mitra (403 until an operator activates it) */
        post: operations["mitraVerifyOtp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mitra/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report the other participant: one per session per reporter */
        post: operations["mitraReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mitra/requests/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exactly one winner under any concurrency; the winner retrying gets the same session */
        post: operations["mitraAcceptRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mitra/requests/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline an offered chat request */
        post: operations["mitraRejectRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mitra/requests/pending": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open offers (app-resume path); the same shape as the Firestore offer docs */
        get: operations["mitraPendingOffers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mitra/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** History, newest first, with topic_sensitivity */
        get: operations["mitraSessionHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mitra/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the mitra’s sessions, with its sensitivity and the toggle’s rules */
        get: operations["mitraSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mitra/sessions/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the session → closing (while active only if early_end allows this side) */
        post: operations["mitraEndSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mitra/sessions/{id}/extensions/{ext_id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept: the extension awaits the customer’s payment */
        post: operations["mitraAcceptExtension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mitra/sessions/{id}/extensions/{ext_id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject: the session goes to closing */
        post: operations["mitraRejectExtension"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mitra/sessions/{id}/goodbye": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** One goodbye per side while closing; both → completed */
        post: operations["mitraGoodbye"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mitra/sessions/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The transcript, cursor on seq, ascending or descending */
        get: operations["mitraListMessages"];
        put?: never;
        /** Send a message (a burst, then 1 a second per sender): gap-free seq; the same client_message_id returns the same message */
        post: operations["mitraSendMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mitra/sessions/{id}/messages/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The other side’s messages delivered/read up to a seq (never backwards) */
        post: operations["mitraMarkReceipts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mitra/sessions/{id}/topic-sensitivity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Flip while active; a real flip is logged, a no-op is not; the latch keeps sensitive sessions sensitive */
        patch: operations["mitraFlipSensitivity"];
        trace?: never;
    };
    "/api/mitra/sessions/{id}/typing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ephemeral typing flag in sessions/{id}/typing/{user_type} */
        post: operations["mitraTyping"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mitra/sessions/active": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The mitra’s current sessions, with topic_sensitivity */
        get: operations["mitraActiveSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mitra/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The mitra's presence, availability and heartbeat cadence */
        get: operations["mitraStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mitra/status/heartbeat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Every MITRA_HEARTBEAT_CADENCE_SECONDS; one indexed write. Does not turn a mitra online. */
        post: operations["mitraHeartbeat"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mitra/status/offline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop receiving chat requests */
        post: operations["mitraGoOffline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mitra/status/online": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Go online; searching requests are offered to the mitra too */
        post: operations["mitraGoOnline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shared/auth/anonymous": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a guest customer (limited per client address and device); the body is optional */
        post: operations["sharedSignInAnonymous"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shared/auth/firebase-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A Firebase custom token (uid c_<id> / m_<id>, claim user_type) for the app’s Firestore listeners */
        post: operations["sharedFirebaseToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shared/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out this device (revokes its auth session) */
        post: operations["sharedLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shared/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate a refresh token for a new token pair */
        post: operations["sharedRefreshTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shared/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the apps need (no limits, no secrets). ETag + If-None-Match → 304. */
        get: operations["getPublicConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shared/device-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Upsert per (user, device), 20 an hour per user; the token leaves any other user or device it had */
        put: operations["sharedPutDeviceToken"];
        post?: never;
        /** Forget this device's FCM token */
        delete: operations["sharedDeleteDeviceToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events/pairing/blast": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pub/Sub push: offer docs and FCM pushes for the still-offered mitras (redelivery-safe) */
        post: operations["pairingBlastPush"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events/safety/screen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pub/Sub push: committed messages screened; alerts, flag, crisis resources (redelivery-safe) */
        post: operations["safetyScreenMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every function and dependency of the local stack (a function alone answers FunctionHealth) */
        get: operations["stackHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/_test/clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move the local clock forward and run every task that became due */
        post: operations["testAdvanceClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/_test/otp/{otp_request_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The code the stub OTP provider "sent" */
        get: operations["testPeekOtp"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/_test/probe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Schedule a no-op timer (proves the outbox → scheduler → OIDC → handler path end to end) */
        post: operations["testScheduleProbe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/_test/probe/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Local stack only: how often a probe timer ran */
        get: operations["testProbeRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/_test/push": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** FCM messages recorded for a user (plain user UUID), oldest first */
        get: operations["testRecordedPushes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/_test/realtime": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A Firestore document (even segments) or collection (odd) read back from the emulator */
        get: operations["testReadRealtime"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/_test/seed-mitra": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create (or find) a mitra by phone, active by default; idempotent per phone */
        post: operations["testSeedMitra"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Operators’ actions, newest first (transcript reads, bans, mitra changes, report reviews) */
        get: operations["ccAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Control-center sign-in (refresh token in an HttpOnly cookie) */
        post: operations["ccLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Control-center sign-out; clears the refresh cookie */
        post: operations["ccLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in operator, role and permissions */
        get: operations["ccMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate the control-center refresh cookie for a new access token */
        post: operations["ccRefresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every setting beside its default and the env-derived bounds */
        get: operations["getInternalConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/config/{section}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change one settings section: any non-empty subset of its keys, each replaced whole; audited */
        patch: operations["patchConfigSection"];
        trace?: never;
    };
    "/internal/config/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Settings changes, newest first */
        get: operations["listConfigAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/control-center-users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Newest first; filter by role; to search by e-mail or name use POST /internal/control-center-users/search */
        get: operations["ccListUsers"];
        put?: never;
        /** An unknown role is 400 (details.issues on role) */
        post: operations["ccCreateUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/control-center-users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Reset another operator's password (revokes their sessions) */
        patch: operations["ccResetUserPassword"];
        trace?: never;
    };
    "/internal/control-center-users/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change your own password (revokes your other sessions) */
        patch: operations["ccChangeOwnPassword"];
        trace?: never;
    };
    "/internal/control-center-users/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Newest first; search by e-mail or name (in the body, never in the URL), filter by role */
        post: operations["ccSearchUsers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Newest first; to search by name, phone or e-mail use POST /internal/customers/search */
        get: operations["ccListCustomers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/customers/{id}/ban": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revokes every auth session at once (refresh → 403 ACCOUNT_BANNED; access tokens within REVOCATION_MAX_LAG_SECONDS) */
        post: operations["ccBanCustomer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/customers/{id}/erase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Delete the account as the user would (SPEC §14), audited; repeating answers the same erased_at and changes nothing */
        post: operations["ccEraseCustomer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/customers/{id}/unban": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift a customer's ban */
        post: operations["ccUnbanCustomer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/customers/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Newest first; search by name, phone or e-mail (in the body, never in the URL) */
        post: operations["ccSearchCustomers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every card from one statement */
        get: operations["ccDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/mitra-activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per mitra (by name), offers made in [from, to) and what became of them */
        get: operations["ccMitraActivity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/mitra-activity/{id}/log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The mitra’s notification rows in [from, to), newest first */
        get: operations["ccMitraActivityLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/mitras": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Newest first; the filters combine; to search by name or phone use POST /internal/mitras/search */
        get: operations["ccListMitras"];
        put?: never;
        /** Pre-register a phone (inactive unless is_active: true) */
        post: operations["ccRegisterMitra"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/mitras/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Deactivation sets offline, revokes every auth session at once (refresh → 403 ACCOUNT_INACTIVE; access tokens within REVOCATION_MAX_LAG_SECONDS) and withdraws open offers */
        patch: operations["ccUpdateMitra"];
        trace?: never;
    };
    "/internal/mitras/{id}/erase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Delete the account as the user would (SPEC §14), audited; repeating answers the same erased_at and changes nothing */
        post: operations["ccEraseMitra"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/mitras/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Newest first; search by name or phone (in the body, never in the URL) and the filters combine */
        post: operations["ccSearchMitras"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Newest first */
        get: operations["ccListReports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** `reviewed` keeps it open; `actioned` / `dismissed` close it (a closed report is 409) */
        patch: operations["ccReviewReport"];
        trace?: never;
    };
    "/internal/safety-alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Screening hits, newest first; the filters combine */
        get: operations["ccListSafetyAlerts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/safety-alerts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** `acknowledged` keeps it open; `resolved` / `dismissed` close it (a closed alert is 409); audited */
        patch: operations["ccReviewSafetyAlert"];
        trace?: never;
    };
    "/internal/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Newest first; the filters combine */
        get: operations["ccListSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A session with participants, payments, extensions, ratings, reports and sensitivity timeline */
        get: operations["ccSessionDetail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/internal/sessions/{id}/transcript": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Messages by ascending seq; every read is audited (GET /internal/audit?kind=transcript_access) */
        get: operations["ccSessionTranscript"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/_probe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Local stack only: a no-op timer through the real outbox → scheduler → OIDC → handler path */
        post: operations["runProbeTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/outbox/drain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cloud Scheduler safety net: deliver every outbox row that is due */
        post: operations["drainOutbox"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/pairing/notification-timeout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** One task per offer batch: its still-offered notifications become ignored */
        post: operations["pairingNotificationTimeout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/pairing/queue-moved": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** At most one a second: every waiting customer's queue status (position, estimate) is rewritten */
        post: operations["pairingQueueMoved"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/pairing/request-timeout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cloud Tasks: a searching request past its expiry becomes expired */
        post: operations["pairingRequestTimeout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/pairing/sweep-stale": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cloud Scheduler: stale mitras → offline */
        post: operations["pairingSweepStale"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/pairing/wave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** One task per request per wave: the next mitras in the fair order are offered (SPEC §6) */
        post: operations["pairingWave"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/payments/create-invoice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Outbox task: the invoice for a session or an extension (idempotent per external id) */
        post: operations["taskCreateInvoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/payments/reconcile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cloud Scheduler every 10 minutes: open payments stuck past their expiry, settled from the provider */
        post: operations["taskPaymentsReconcile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/payments/timeout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Past the invoice expiry: settle by asking the provider (the callback may have been lost) */
        post: operations["taskPaymentTimeout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/privacy/erase-step": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** One step of an account deletion, then the next one queued (acts only if the erasure is still there) */
        post: operations["taskPrivacyEraseStep"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/privacy/release-hold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A report closed: a deleted user’s messages in its session are emptied, unless another report is open */
        post: operations["taskPrivacyReleaseHold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/privacy/retention": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cloud Scheduler, daily: message bodies, delivered outbox rows, OTP and auth records past retention */
        post: operations["taskPrivacyRetention"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/sessions/closing-grace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** closing_grace_seconds after closing: → completed */
        post: operations["taskSessionClosingGrace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/sessions/expire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** At ends_at: active → expired */
        post: operations["taskSessionExpire"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/sessions/extension-timeout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The mitra did not answer in time: requested → timed_out, session → closing */
        post: operations["taskSessionExtensionTimeout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/sessions/extension-window": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Extension window over with no extension asked: expired → closing */
        post: operations["taskSessionExtensionWindow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/sessions/payment-hold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** payment_hold_seconds after a paid session started waiting: still unpaid → cancelled, the mitra freed */
        post: operations["taskSessionPaymentHold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/xendit/invoice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Xendit invoice callback: recorded durably, then settled once (duplicates change nothing) */
        post: operations["webhookXenditInvoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ErrorEnvelope: {
            error: {
                /** @enum {string} */
                code: "BAD_REQUEST" | "WRONG_FLOW" | "AUTH_MISSING" | "TOKEN_INVALID" | "TOKEN_EXPIRED" | "REFRESH_INVALID" | "INVALID_CREDENTIALS" | "INVALID_ID_TOKEN" | "CODE_MISMATCH" | "IAP_REQUIRED" | "CALLBACK_TOKEN_INVALID" | "APP_CHECK_INVALID" | "FORBIDDEN" | "ACCOUNT_INACTIVE" | "ACCOUNT_BANNED" | "REGISTRATION_REQUIRED" | "EARLY_END_DISABLED" | "NOT_FOUND" | "OTP_NOT_FOUND" | "METHOD_NOT_ALLOWED" | "ALREADY_ACTIVE" | "FREE_TRIAL_UNAVAILABLE" | "MITRA_UNAVAILABLE" | "REQUEST_TAKEN" | "REQUEST_CANCELLED" | "REQUEST_REJECTED" | "CAPACITY_FULL" | "OTP_USED" | "IDENTITY_CONFLICT" | "EMAIL_TAKEN" | "PHONE_TAKEN" | "SESSION_NOT_ACTIVE" | "SESSION_NOT_CLOSING" | "SESSION_NOT_ENDED" | "GOODBYE_ALREADY_SENT" | "SENSITIVITY_LATCHED" | "EXTENSION_NOT_ALLOWED" | "EXTENSION_PENDING" | "EXTENSION_NOT_PENDING" | "ALREADY_RATED" | "ALREADY_REPORTED" | "REPORT_ALREADY_RESOLVED" | "SAFETY_ALERT_CLOSED" | "REQUEST_EXPIRED" | "OTP_EXPIRED" | "PAYLOAD_TOO_LARGE" | "PHONE_INVALID" | "CONFIG_OUT_OF_BOUNDS" | "PASSWORD_TOO_SHORT" | "PASSWORD_MISSING_DIGIT" | "PASSWORD_MISSING_UPPERCASE" | "PASSWORD_MISSING_LOWERCASE" | "ACCOUNT_LOCKED" | "OTP_COOLDOWN" | "OTP_RATE_LIMIT_PHONE" | "OTP_RATE_LIMIT_IP" | "OTP_ATTEMPTS_EXCEEDED" | "RATE_LIMITED" | "INTERNAL" | "PROVIDER_NOT_CONFIGURED" | "PROVIDER_UNAVAILABLE" | "OTP_SEND_FAILED" | "OTP_UNAVAILABLE";
                message: string;
                details: {
                    [key: string]: unknown;
                };
                request_id: string | null;
            };
        };
        CustomerAuth: components["schemas"]["TokenPair"] & {
            profile: components["schemas"]["CustomerProfile"];
        };
        CustomerProfile: {
            /** Format: uuid */
            id: string;
            display_name: string;
            phone: string | null;
            email: string | null;
            is_guest: boolean;
            linked: {
                phone: boolean;
                google: boolean;
                apple: boolean;
            };
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            created_at: string;
        };
        TokenPair: {
            access_token: string;
            refresh_token: string;
            /** @enum {string} */
            token_type: "Bearer";
            expires_in: number;
        };
        AnonymousSignUpBody: {
            display_name?: string;
        };
        RefreshBody: {
            refresh_token: string;
        };
        JwkSet: {
            keys: components["schemas"]["Jwk"][];
        };
        Jwk: {
            kty: string;
            kid: string;
            alg: string;
            /** @enum {string} */
            use: "sig";
            crv?: string;
            x?: string;
            y?: string;
            n?: string;
            e?: string;
        };
        OtpRequested: {
            /** Format: uuid */
            otp_request_id: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            expires_at: string;
            resend_after_seconds: number;
        };
        OtpRequestBody: {
            phone: string;
        };
        CustomerOtpVerifyBody: components["schemas"]["OtpVerifyBody"] & {
            /** Format: uuid */
            anonymous_customer_id?: string;
        };
        OtpVerifyBody: {
            /** Format: uuid */
            otp_request_id: string;
            code: string;
        };
        MitraAuth: components["schemas"]["TokenPair"] & {
            profile: components["schemas"]["MitraProfile"];
        };
        MitraProfile: {
            /** Format: uuid */
            id: string;
            display_name: string;
            phone: string;
            is_active: boolean;
            is_online: boolean;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            created_at: string;
        };
        SocialSignInBody: {
            id_token: string;
            /** Format: uuid */
            anonymous_customer_id?: string;
        };
        CustomerProfilePatch: {
            display_name: string;
        };
        DeviceTokenBody: {
            fcm_token: string;
            device_id: string;
            /** @enum {string} */
            platform: "android" | "ios";
        };
        DeviceTokenDelete: {
            device_id: string;
        };
        FirebaseToken: {
            firebase_token: string;
            uid: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            expires_at: string;
        };
        CcLogin: components["schemas"]["CcAccessToken"] & {
            profile: components["schemas"]["ControlCenterUser"];
            role: string;
            permissions: string[];
        };
        ControlCenterUser: {
            /** Format: uuid */
            id: string;
            email: string;
            display_name: string;
            role: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            created_at: string;
        };
        CcAccessToken: {
            access_token: string;
            /** @enum {string} */
            token_type: "Bearer";
            expires_in: number;
        };
        CcLoginBody: {
            email: string;
            password: string;
        };
        CcMe: {
            profile: components["schemas"]["ControlCenterUser"];
            role: string;
            permissions: string[];
        };
        CreateControlCenterUser: {
            /** Format: email */
            email: string;
            password: string;
            display_name: string;
            role: string;
        };
        ChangeOwnPassword: {
            current_password: string;
            new_password: string;
        };
        ResetPassword: {
            new_password: string;
        };
        CcUserPage: {
            items: components["schemas"]["CcUserListItem"][];
            next_cursor: string | null;
        };
        CcUserListItem: {
            /** Format: uuid */
            id: string;
            email: string;
            display_name: string;
            role: string;
            /** @description Locked out after repeated failed logins, for now */
            is_locked: boolean;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            created_at: string;
        };
        CcUserSearch: {
            /** @description E-mail or name */
            q?: string;
            role?: string;
            /** @description Default 20 */
            limit?: number;
            cursor?: string;
        };
        WentOnline: components["schemas"]["Presence"] & {
            /** @description searching requests offered on coming online */
            offered_requests: number;
        };
        Presence: {
            is_online: boolean;
            is_active: boolean;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            last_heartbeat_at: string | null;
            active_session_count: number;
            /** @description online, active, fresh heartbeat and below capacity (SPEC §6) */
            available: boolean;
            /** @description MITRA_HEARTBEAT_CADENCE_SECONDS */
            heartbeat_cadence_seconds: number;
        };
        Availability: {
            available_mitras: number;
        };
        ChatRequestCreated: {
            /** Format: uuid */
            request_id: string;
            /** @enum {string} */
            status: "searching";
            notified_mitras: number;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            expires_at: string;
        };
        /** @description Exactly one of tier_id or free_trial: true */
        ChatRequestInput: {
            topic_sensitivity: components["schemas"]["TopicSensitivity"];
            tier_id?: string;
            /** @enum {boolean} */
            free_trial?: true;
            /** Format: uuid */
            target_mitra_id?: string;
        };
        /** @enum {string} */
        TopicSensitivity: "regular" | "sensitive";
        ChatRequestCancelled: {
            /** Format: uuid */
            request_id: string;
            /** @enum {string} */
            status: "cancelled";
        };
        PendingOffers: {
            requests: components["schemas"]["Offer"][];
        };
        Offer: {
            /** Format: uuid */
            request_id: string;
            /**
             * @description ignored: timed out, still acceptable
             * @enum {string}
             */
            status: "offered" | "ignored";
            topic_sensitivity: components["schemas"]["TopicSensitivity"];
            is_free_trial: boolean;
            duration_minutes: number;
            price_idr: number;
            customer_display_name: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            offered_at: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            respond_by: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            expires_at: string;
        };
        Accepted: {
            /** Format: uuid */
            session_id: string;
            /**
             * @description active for a free trial, else pending_payment (a winner retrying sees it now)
             * @enum {string}
             */
            session_status: "pending_payment" | "active" | "expired" | "closing" | "completed" | "cancelled";
        };
        Rejected: {
            /** Format: uuid */
            request_id: string;
            /** @enum {string} */
            status: "rejected";
        };
        PubSubPushEnvelope: {
            message: {
                /** @description base64 of the JSON message */
                data: string;
                messageId?: string;
                message_id?: string;
                publishTime?: string;
                attributes?: {
                    [key: string]: string;
                };
            };
            subscription: string;
        };
        RequestTimeoutTask: {
            /** Format: uuid */
            request_id: string;
        };
        /** @description Every notification of the request offered at offered_at */
        NotificationTimeoutTask: {
            /** Format: uuid */
            request_id: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            offered_at: string;
        };
        /** @description The request's next offer wave (the one after its last) */
        WaveTask: {
            /** Format: uuid */
            request_id: string;
            wave: number;
        };
        QueueMovedTask: Record<string, never>;
        SweepResult: {
            turned_offline: number;
        };
        CustomerActiveSession: {
            session: components["schemas"]["SessionForCustomer"];
        };
        SessionForCustomer: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            request_id: string;
            tier_id: string | null;
            price_idr: number;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            created_at: string;
            status: components["schemas"]["SessionStatus"];
            is_free_trial: boolean;
            duration_minutes: number;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            started_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            ends_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            expired_at: string | null;
            /**
             * Format: date-time
             * @description while expired: ask for more time until
             * @example 2026-11-25T10:00:00.000Z
             */
            extension_window_ends_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            closing_at: string | null;
            closing_reason: components["schemas"]["ClosingReason"];
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            completed_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            cancelled_at: string | null;
            /** @description only the sides that said goodbye */
            goodbyes: {
                customer?: components["schemas"]["Goodbye"];
                mitra?: components["schemas"]["Goodbye"];
            };
            last_seq: number;
            version: number;
            /** @description the other side’s messages the caller has not read */
            unread_count: number;
            /** @description how far the other side received/read the caller’s messages */
            their_receipts: {
                delivered_seq: number;
                read_seq: number;
            };
            /** Format: uri */
            xendit_invoice_url: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            payment_expires_at: string | null;
            /** @enum {string|null} */
            payment_status: "creating" | "pending" | "paid" | "expired" | "flagged" | null;
            /** @enum {string|null} */
            payment_for: "session" | "extension" | null;
            /** Format: uuid */
            payment_extension_id: string | null;
            mitra: {
                /** Format: uuid */
                id: string;
                display_name: string;
            };
            extension: components["schemas"]["Extension"];
        } | null;
        /** @enum {string} */
        SessionStatus: "pending_payment" | "active" | "expired" | "closing" | "completed" | "cancelled";
        /** @enum {string|null} */
        ClosingReason: "time_up" | "extension_rejected" | "extension_timeout" | "extension_lapsed" | "ended_by_customer" | "ended_by_mitra" | "customer_banned" | "mitra_deactivated" | "account_deleted" | null;
        Goodbye: {
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            at: string;
            message?: string;
        };
        Extension: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            session_id: string;
            /** @enum {string} */
            status: "requested" | "accepted" | "rejected" | "timed_out" | "applied" | "lapsed" | "cancelled";
            tier_id: string;
            duration_minutes: number;
            price_idr: number;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            respond_by: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            created_at: string;
        } | null;
        MitraActiveSessions: {
            sessions: components["schemas"]["SessionForMitra"][];
        };
        SessionForMitra: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            request_id: string;
            tier_id: string | null;
            price_idr: number;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            created_at: string;
            status: components["schemas"]["SessionStatus"];
            is_free_trial: boolean;
            duration_minutes: number;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            started_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            ends_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            expired_at: string | null;
            /**
             * Format: date-time
             * @description while expired: ask for more time until
             * @example 2026-11-25T10:00:00.000Z
             */
            extension_window_ends_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            closing_at: string | null;
            closing_reason: components["schemas"]["ClosingReason"];
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            completed_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            cancelled_at: string | null;
            /** @description only the sides that said goodbye */
            goodbyes: {
                customer?: components["schemas"]["Goodbye"];
                mitra?: components["schemas"]["Goodbye"];
            };
            last_seq: number;
            version: number;
            /** @description the other side’s messages the caller has not read */
            unread_count: number;
            /** @description how far the other side received/read the caller’s messages */
            their_receipts: {
                delivered_seq: number;
                read_seq: number;
            };
            /** @enum {string} */
            topic_sensitivity: "regular" | "sensitive";
            sensitivity: components["schemas"]["SensitivityControls"];
            customer: {
                /** Format: uuid */
                id: string;
                display_name: string;
            };
            extension: components["schemas"]["ExtensionOffer"];
        };
        SensitivityControls: {
            confirmation_required: boolean;
            latched: boolean;
            can_flip: boolean;
        };
        ExtensionOffer: components["schemas"]["Extension"] & ({
            /**
             * @description the session’s sensitivity when the customer asked
             * @enum {string}
             */
            topic_sensitivity: "regular" | "sensitive";
        } | null);
        SessionForCustomerPage: {
            items: components["schemas"]["SessionForCustomer"][];
            next_cursor: string | null;
        };
        SessionForMitraPage: {
            items: components["schemas"]["SessionForMitra"][];
            next_cursor: string | null;
        };
        Message: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            session_id: string;
            seq: number;
            /** @enum {string} */
            sender_type: "customer" | "mitra";
            client_message_id: string;
            /** @description Empty when removed */
            body: string;
            removed?: components["schemas"]["MessageRemovedReason"];
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            created_at: string;
            /** @enum {string} */
            status: "sent" | "delivered" | "read";
        };
        /**
         * @description The sender deleted the account, or the message passed retention.message_days after the session
         * @enum {string}
         */
        MessageRemovedReason: "account_deleted" | "retention";
        MessageInput: {
            client_message_id: string;
            /** @description 1–4000 characters after trimming */
            body: string;
        };
        MessagePage: {
            items: components["schemas"]["Message"][];
            next_cursor: string | null;
        };
        Receipts: {
            /** Format: uuid */
            session_id: string;
            delivered_seq: number;
            read_seq: number;
            last_seq: number;
        };
        ReceiptsInput: {
            up_to_seq: number;
            /** @enum {string} */
            status: "delivered" | "read";
        };
        TypingInput: {
            is_typing: boolean;
        };
        ExtensionRequest: {
            tier_id: string;
        };
        GoodbyeInput: {
            message?: string;
        };
        SensitivityInput: {
            /** @enum {string} */
            topic_sensitivity: "regular" | "sensitive";
        };
        Rating: {
            /** Format: uuid */
            session_id: string;
            stars: number;
            comment: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            created_at: string;
        };
        RatingInput: {
            stars: number;
            comment?: string;
        };
        Report: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            session_id: string;
            /** @enum {string} */
            reported: "customer" | "mitra";
            reason: string;
            description: string | null;
            /** @enum {string} */
            status: "pending";
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            created_at: string;
        };
        ReportInput: {
            /** Format: uuid */
            session_id: string;
            reason: string;
            description?: string;
        };
        SessionTimerTask: {
            /** Format: uuid */
            session_id: string;
            version: number;
        };
        ExtensionTimeoutTask: {
            /** Format: uuid */
            extension_id: string;
        };
        AccountErased: {
            /**
             * Format: date-time
             * @description When the account was deleted (the first request, if repeated)
             * @example 2026-11-25T10:00:00.000Z
             */
            erased_at: string;
        };
        AccountDeleteInput: {
            /**
             * @description Must be true: the app asked the user first
             * @enum {boolean}
             */
            confirm: true;
        };
        CustomerAccountExport: {
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            exported_at: string;
            profile: components["schemas"]["ExportCustomerProfile"];
            sessions: components["schemas"]["ExportSession"][];
            messages: components["schemas"]["ExportMessage"][];
            payments: components["schemas"]["ExportPayment"][];
            /** @description The ratings you gave */
            ratings: components["schemas"]["ExportRatingGiven"][];
            reports: components["schemas"]["ExportReport"][];
        };
        ExportCustomerProfile: {
            /** Format: uuid */
            id: string;
            display_name: string;
            phone: string | null;
            email: string | null;
            is_guest: boolean;
            linked: {
                phone: boolean;
                google: boolean;
                apple: boolean;
            };
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            created_at: string;
        };
        ExportSession: {
            /** Format: uuid */
            id: string;
            status: components["schemas"]["SessionStatus"];
            is_free_trial: boolean;
            tier_id: string | null;
            duration_minutes: number;
            price_idr: number;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            started_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            ends_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            closing_at: string | null;
            closing_reason: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            completed_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            cancelled_at: string | null;
            /** @description The goodbye you left, if any */
            your_goodbye: {
                message: string | null;
                /**
                 * Format: date-time
                 * @example 2026-11-25T10:00:00.000Z
                 */
                at: string;
            } | null;
        };
        /** @description A message you wrote (never the other side’s) */
        ExportMessage: {
            /** Format: uuid */
            session_id: string;
            seq: number;
            /** @description Empty when removed */
            body: string;
            /**
             * @description Why the body is gone (MessageRemovedReason); null while it is there
             * @enum {string|null}
             */
            removed: "account_deleted" | "retention" | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            created_at: string;
        };
        ExportPayment: {
            /** Format: uuid */
            session_id: string;
            /** @enum {string} */
            kind: "session" | "extension";
            external_id: string;
            amount_idr: number;
            currency: string;
            status: string;
            paid_amount: number | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            paid_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            created_at: string;
        };
        ExportRatingGiven: {
            /** Format: uuid */
            session_id: string;
            stars: number;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            created_at: string;
            comment: string | null;
        };
        /** @description A report you filed */
        ExportReport: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            session_id: string;
            reason: string;
            description: string | null;
            /** @enum {string} */
            status: "pending" | "reviewed" | "actioned" | "dismissed";
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            created_at: string;
        };
        MitraAccountExport: {
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            exported_at: string;
            profile: components["schemas"]["ExportMitraProfile"];
            sessions: components["schemas"]["ExportMitraSession"][];
            messages: components["schemas"]["ExportMessage"][];
            /** @description Stars only: the comment is the customer’s own words */
            ratings_received: components["schemas"]["ExportRating"][];
            reports: components["schemas"]["ExportReport"][];
        };
        ExportMitraProfile: {
            /** Format: uuid */
            id: string;
            display_name: string;
            phone: string;
            is_active: boolean;
            is_online: boolean;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            created_at: string;
        };
        ExportMitraSession: {
            /** Format: uuid */
            id: string;
            status: components["schemas"]["SessionStatus"];
            is_free_trial: boolean;
            tier_id: string | null;
            duration_minutes: number;
            price_idr: number;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            started_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            ends_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            closing_at: string | null;
            closing_reason: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            completed_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            cancelled_at: string | null;
            /** @description The goodbye you left, if any */
            your_goodbye: {
                message: string | null;
                /**
                 * Format: date-time
                 * @example 2026-11-25T10:00:00.000Z
                 */
                at: string;
            } | null;
            /** @enum {string} */
            topic_sensitivity: "regular" | "sensitive";
        };
        ExportRating: {
            /** Format: uuid */
            session_id: string;
            stars: number;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            created_at: string;
        };
        EraseStepTask: {
            /** Format: uuid */
            erasure_id: string;
            step: string;
            batch: number;
        };
        ReleaseHoldTask: {
            /** Format: uuid */
            erasure_id: string;
            /** Format: uuid */
            session_id: string;
            /** Format: uuid */
            report_id: string;
            batch: number;
        };
        RetentionRound: {
            day: string;
            round: number;
            /** @description Message bodies purged */
            messages: number;
            /** @description Sessions whose bodies are now all gone */
            sessions_purged: number;
            outbox_rows: number;
            otp_requests: number;
            auth_sessions: number;
            /** @description A batch was full: the next round is queued */
            more: boolean;
        };
        /** @description Empty from Cloud Scheduler; a follow-up round names its day and round */
        RetentionTask: {
            day?: string;
            round?: number;
        };
        PublicConfig: {
            anonymity_enabled: boolean;
            free_trial: components["schemas"]["FreeTrial"];
            pricing_tiers: components["schemas"]["PricingTier"][];
            extension_timeout_seconds: number;
            early_end: components["schemas"]["EarlyEnd"];
            mitra_ping: components["schemas"]["MitraPing"];
            /** @description env MITRA_HEARTBEAT_CADENCE_SECONDS */
            mitra_heartbeat_cadence_seconds: number;
            pairing_timeout_seconds: number;
            request_notification_timeout_seconds: number;
            closing_grace_seconds: number;
            sensitive_flip_confirmation_enabled: boolean;
            sensitive_flag_one_way_latch: boolean;
            support_handles: components["schemas"]["SupportHandles"];
            otp_resend_cooldown_seconds: number;
        };
        FreeTrial: {
            enabled: boolean;
            duration_minutes: number;
            /** @default true */
            requires_phone: boolean;
        };
        PricingTier: {
            id: string;
            label: string;
            duration_minutes: number;
            price_idr: number;
        };
        EarlyEnd: {
            mitra: boolean;
            customer: boolean;
        };
        MitraPing: {
            required: boolean;
            interval_seconds: number;
        };
        SupportHandles: {
            whatsapp?: string;
            instagram?: string;
            /** Format: email */
            email?: string;
        };
        InternalConfig: {
            version: number;
            values: components["schemas"]["ConfigValues"];
            defaults: components["schemas"]["ConfigValues"];
            env: components["schemas"]["ConfigEnvValues"];
            bounds: components["schemas"]["ConfigEnvBounds"];
            sections: components["schemas"]["ConfigSections"];
        };
        ConfigValues: {
            anonymity_enabled: boolean;
            free_trial: {
                enabled: boolean;
                duration_minutes: number;
                /** @default true */
                requires_phone: boolean;
            };
            pricing_tiers: {
                id: string;
                label: string;
                duration_minutes: number;
                price_idr: number;
            }[];
            extension_timeout_seconds: number;
            early_end: {
                mitra: boolean;
                customer: boolean;
            };
            mitra_ping: {
                required: boolean;
                interval_seconds: number;
            };
            mitra_stale_after_seconds: number;
            max_customers_per_mitra: number;
            pairing_timeout_seconds: number;
            blast: {
                max_mitras: number;
                wave_seconds: number;
            };
            request_notification_timeout_seconds: number;
            closing_grace_seconds: number;
            payment_hold_seconds: number;
            sensitive_flip_confirmation_enabled: boolean;
            sensitive_flag_one_way_latch: boolean;
            support_handles_json: {
                whatsapp?: string;
                instagram?: string;
                /** Format: email */
                email?: string;
            };
            otp_resend_cooldown_seconds: number;
            otp_max_per_phone_per_hour: number;
            otp_max_per_ip_per_hour: number;
            otp_max_verify_attempts: number;
            cc_lockout_max_failures: number;
            cc_lockout_minutes: number;
            limits: {
                guest_signup: {
                    per_ip_per_hour: number;
                    per_device_per_day: number;
                };
                chat_request: {
                    per_customer_per_hour: number;
                    per_device_per_day: number;
                };
                unpaid_cancellations: {
                    max_per_day: number;
                };
                messages: {
                    burst: number;
                    per_second: number;
                };
                reports: {
                    per_reporter_per_day: number;
                };
                device_token_upserts: {
                    per_user_per_hour: number;
                };
                otp: {
                    hourly_budget: number;
                };
            };
            retention: {
                message_days: number;
                outbox_days: number;
                auth_days: number;
            };
            safety_rules: {
                id: string;
                /** @enum {string} */
                category: "self_harm" | "contact_info";
                /** @enum {string} */
                form: "words" | "text";
                pattern: string;
            }[];
            crisis_resources: {
                message: string;
                hotlines: {
                    name: string;
                    phone?: string;
                    extension?: string;
                    /** Format: uri */
                    url?: string;
                    hours?: string;
                    description?: string;
                }[];
            };
            safety_notice: string;
        };
        /** @description Deploy-fixed values (env), shown beside the DB values */
        ConfigEnvValues: {
            mitra_heartbeat_cadence_seconds: number;
            access_token_ttl_seconds: number;
            refresh_token_ttl_days: number;
            revocation_max_lag_seconds: number;
        };
        /** @description Minimums derived from env values */
        ConfigEnvBounds: {
            "mitra_ping.interval_seconds": components["schemas"]["ConfigEnvBound"];
            mitra_stale_after_seconds: components["schemas"]["ConfigEnvBound"];
        };
        ConfigEnvBound: {
            min: number;
            because: string;
        };
        /** @description The keys each PATCH section owns */
        ConfigSections: {
            anonymity: components["schemas"]["ConfigKey"][];
            "free-trial": components["schemas"]["ConfigKey"][];
            "extension-timeout": components["schemas"]["ConfigKey"][];
            "early-end": components["schemas"]["ConfigKey"][];
            "mitra-ping": components["schemas"]["ConfigKey"][];
            "price-tiers": components["schemas"]["ConfigKey"][];
            sensitivity: components["schemas"]["ConfigKey"][];
            otp: components["schemas"]["ConfigKey"][];
            lockout: components["schemas"]["ConfigKey"][];
            capacity: components["schemas"]["ConfigKey"][];
            stale: components["schemas"]["ConfigKey"][];
            pairing: components["schemas"]["ConfigKey"][];
            blast: components["schemas"]["ConfigKey"][];
            closing: components["schemas"]["ConfigKey"][];
            payment: components["schemas"]["ConfigKey"][];
            limits: components["schemas"]["ConfigKey"][];
            support: components["schemas"]["ConfigKey"][];
            retention: components["schemas"]["ConfigKey"][];
            safety: components["schemas"]["ConfigKey"][];
        };
        /** @enum {string} */
        ConfigKey: "anonymity_enabled" | "free_trial" | "pricing_tiers" | "extension_timeout_seconds" | "early_end" | "mitra_ping" | "mitra_stale_after_seconds" | "max_customers_per_mitra" | "pairing_timeout_seconds" | "blast" | "request_notification_timeout_seconds" | "closing_grace_seconds" | "payment_hold_seconds" | "sensitive_flip_confirmation_enabled" | "sensitive_flag_one_way_latch" | "support_handles_json" | "otp_resend_cooldown_seconds" | "otp_max_per_phone_per_hour" | "otp_max_per_ip_per_hour" | "otp_max_verify_attempts" | "cc_lockout_max_failures" | "cc_lockout_minutes" | "limits" | "retention" | "safety_rules" | "crisis_resources" | "safety_notice";
        ConfigAuditPage: {
            items: components["schemas"]["ConfigAuditEntry"][];
            next_cursor: string | null;
        };
        ConfigAuditEntry: {
            id: number;
            section: string;
            /** Format: uuid */
            changed_by: string | null;
            changed_by_email: string | null;
            before: components["schemas"]["ConfigValuesSubset"];
            after: {
                anonymity_enabled?: boolean;
                free_trial?: {
                    enabled: boolean;
                    duration_minutes: number;
                    /** @default true */
                    requires_phone: boolean;
                };
                pricing_tiers?: {
                    id: string;
                    label: string;
                    duration_minutes: number;
                    price_idr: number;
                }[];
                extension_timeout_seconds?: number;
                early_end?: {
                    mitra: boolean;
                    customer: boolean;
                };
                mitra_ping?: {
                    required: boolean;
                    interval_seconds: number;
                };
                mitra_stale_after_seconds?: number;
                max_customers_per_mitra?: number;
                pairing_timeout_seconds?: number;
                blast?: {
                    max_mitras: number;
                    wave_seconds: number;
                };
                request_notification_timeout_seconds?: number;
                closing_grace_seconds?: number;
                payment_hold_seconds?: number;
                sensitive_flip_confirmation_enabled?: boolean;
                sensitive_flag_one_way_latch?: boolean;
                support_handles_json?: {
                    whatsapp?: string;
                    instagram?: string;
                    /** Format: email */
                    email?: string;
                };
                otp_resend_cooldown_seconds?: number;
                otp_max_per_phone_per_hour?: number;
                otp_max_per_ip_per_hour?: number;
                otp_max_verify_attempts?: number;
                cc_lockout_max_failures?: number;
                cc_lockout_minutes?: number;
                limits?: {
                    guest_signup: {
                        per_ip_per_hour: number;
                        per_device_per_day: number;
                    };
                    chat_request: {
                        per_customer_per_hour: number;
                        per_device_per_day: number;
                    };
                    unpaid_cancellations: {
                        max_per_day: number;
                    };
                    messages: {
                        burst: number;
                        per_second: number;
                    };
                    reports: {
                        per_reporter_per_day: number;
                    };
                    device_token_upserts: {
                        per_user_per_hour: number;
                    };
                    otp: {
                        hourly_budget: number;
                    };
                };
                retention?: {
                    message_days: number;
                    outbox_days: number;
                    auth_days: number;
                };
                safety_rules?: {
                    id: string;
                    /** @enum {string} */
                    category: "self_harm" | "contact_info";
                    /** @enum {string} */
                    form: "words" | "text";
                    pattern: string;
                }[];
                crisis_resources?: {
                    message: string;
                    hotlines: {
                        name: string;
                        phone?: string;
                        extension?: string;
                        /** Format: uri */
                        url?: string;
                        hours?: string;
                        description?: string;
                    }[];
                };
                safety_notice?: string;
            };
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            created_at: string;
        };
        ConfigValuesSubset: {
            anonymity_enabled?: boolean;
            free_trial?: {
                enabled: boolean;
                duration_minutes: number;
                /** @default true */
                requires_phone: boolean;
            };
            pricing_tiers?: {
                id: string;
                label: string;
                duration_minutes: number;
                price_idr: number;
            }[];
            extension_timeout_seconds?: number;
            early_end?: {
                mitra: boolean;
                customer: boolean;
            };
            mitra_ping?: {
                required: boolean;
                interval_seconds: number;
            };
            mitra_stale_after_seconds?: number;
            max_customers_per_mitra?: number;
            pairing_timeout_seconds?: number;
            blast?: {
                max_mitras: number;
                wave_seconds: number;
            };
            request_notification_timeout_seconds?: number;
            closing_grace_seconds?: number;
            payment_hold_seconds?: number;
            sensitive_flip_confirmation_enabled?: boolean;
            sensitive_flag_one_way_latch?: boolean;
            support_handles_json?: {
                whatsapp?: string;
                instagram?: string;
                /** Format: email */
                email?: string;
            };
            otp_resend_cooldown_seconds?: number;
            otp_max_per_phone_per_hour?: number;
            otp_max_per_ip_per_hour?: number;
            otp_max_verify_attempts?: number;
            cc_lockout_max_failures?: number;
            cc_lockout_minutes?: number;
            limits?: {
                guest_signup: {
                    per_ip_per_hour: number;
                    per_device_per_day: number;
                };
                chat_request: {
                    per_customer_per_hour: number;
                    per_device_per_day: number;
                };
                unpaid_cancellations: {
                    max_per_day: number;
                };
                messages: {
                    burst: number;
                    per_second: number;
                };
                reports: {
                    per_reporter_per_day: number;
                };
                device_token_upserts: {
                    per_user_per_hour: number;
                };
                otp: {
                    hourly_budget: number;
                };
            };
            retention?: {
                message_days: number;
                outbox_days: number;
                auth_days: number;
            };
            safety_rules?: {
                id: string;
                /** @enum {string} */
                category: "self_harm" | "contact_info";
                /** @enum {string} */
                form: "words" | "text";
                pattern: string;
            }[];
            crisis_resources?: {
                message: string;
                hotlines: {
                    name: string;
                    phone?: string;
                    extension?: string;
                    /** Format: uri */
                    url?: string;
                    hours?: string;
                    description?: string;
                }[];
            };
            safety_notice?: string;
        };
        ConfigPatchResult: {
            changed: boolean;
            version: number;
            values: components["schemas"]["ConfigValues"];
        };
        /** @description The keys of the section named in the path (see ConfigSections) */
        ConfigPatch: components["schemas"]["ConfigPatchAnonymity"] | components["schemas"]["ConfigPatchFreeTrial"] | components["schemas"]["ConfigPatchExtensionTimeout"] | components["schemas"]["ConfigPatchEarlyEnd"] | components["schemas"]["ConfigPatchMitraPing"] | components["schemas"]["ConfigPatchPriceTiers"] | components["schemas"]["ConfigPatchSensitivity"] | components["schemas"]["ConfigPatchOtp"] | components["schemas"]["ConfigPatchLockout"] | components["schemas"]["ConfigPatchCapacity"] | components["schemas"]["ConfigPatchStale"] | components["schemas"]["ConfigPatchPairing"] | components["schemas"]["ConfigPatchBlast"] | components["schemas"]["ConfigPatchClosing"] | components["schemas"]["ConfigPatchPayment"] | components["schemas"]["ConfigPatchLimits"] | components["schemas"]["ConfigPatchSupport"] | components["schemas"]["ConfigPatchRetention"] | components["schemas"]["ConfigPatchSafety"];
        ConfigPatchAnonymity: {
            anonymity_enabled?: boolean;
        };
        ConfigPatchFreeTrial: {
            free_trial?: {
                enabled: boolean;
                duration_minutes: number;
                /** @default true */
                requires_phone: boolean;
            };
        };
        ConfigPatchExtensionTimeout: {
            extension_timeout_seconds?: number;
        };
        ConfigPatchEarlyEnd: {
            early_end?: {
                mitra: boolean;
                customer: boolean;
            };
        };
        ConfigPatchMitraPing: {
            mitra_ping?: {
                required: boolean;
                interval_seconds: number;
            };
        };
        ConfigPatchPriceTiers: {
            pricing_tiers?: {
                id: string;
                label: string;
                duration_minutes: number;
                price_idr: number;
            }[];
        };
        ConfigPatchSensitivity: {
            sensitive_flip_confirmation_enabled?: boolean;
            sensitive_flag_one_way_latch?: boolean;
        };
        ConfigPatchOtp: {
            otp_resend_cooldown_seconds?: number;
            otp_max_per_phone_per_hour?: number;
            otp_max_per_ip_per_hour?: number;
            otp_max_verify_attempts?: number;
        };
        ConfigPatchLockout: {
            cc_lockout_max_failures?: number;
            cc_lockout_minutes?: number;
        };
        ConfigPatchCapacity: {
            max_customers_per_mitra?: number;
        };
        ConfigPatchStale: {
            mitra_stale_after_seconds?: number;
        };
        ConfigPatchPairing: {
            pairing_timeout_seconds?: number;
            request_notification_timeout_seconds?: number;
        };
        ConfigPatchBlast: {
            blast?: {
                max_mitras: number;
                wave_seconds: number;
            };
        };
        ConfigPatchClosing: {
            closing_grace_seconds?: number;
        };
        ConfigPatchPayment: {
            payment_hold_seconds?: number;
        };
        ConfigPatchLimits: {
            limits?: {
                guest_signup: {
                    per_ip_per_hour: number;
                    per_device_per_day: number;
                };
                chat_request: {
                    per_customer_per_hour: number;
                    per_device_per_day: number;
                };
                unpaid_cancellations: {
                    max_per_day: number;
                };
                messages: {
                    burst: number;
                    per_second: number;
                };
                reports: {
                    per_reporter_per_day: number;
                };
                device_token_upserts: {
                    per_user_per_hour: number;
                };
                otp: {
                    hourly_budget: number;
                };
            };
        };
        ConfigPatchSupport: {
            support_handles_json?: {
                whatsapp?: string;
                instagram?: string;
                /** Format: email */
                email?: string;
            };
        };
        ConfigPatchRetention: {
            retention?: {
                message_days: number;
                outbox_days: number;
                auth_days: number;
            };
        };
        ConfigPatchSafety: {
            safety_rules?: {
                id: string;
                /** @enum {string} */
                category: "self_harm" | "contact_info";
                /** @enum {string} */
                form: "words" | "text";
                pattern: string;
            }[];
            crisis_resources?: {
                message: string;
                hotlines: {
                    name: string;
                    phone?: string;
                    extension?: string;
                    /** Format: uri */
                    url?: string;
                    hours?: string;
                    description?: string;
                }[];
            };
            safety_notice?: string;
        };
        XenditCallbackAck: {
            /** @enum {boolean} */
            received: true;
            duplicate: boolean;
            /** @description What the callback did (recorded with it), e.g. activated, flagged_mismatch */
            outcome: string;
        };
        XenditInvoiceCallback: {
            id: string;
            external_id: string;
            /** @enum {string} */
            status: "PAID" | "SETTLED" | "EXPIRED";
            amount: number;
            paid_amount?: number;
            currency?: string;
            paid_at?: string;
        } & {
            [key: string]: unknown;
        };
        CreateInvoiceResult: {
            /** @enum {string} */
            outcome: "created" | "exists" | "not_payable" | "expired_before_invoice";
            /** Format: uuid */
            payment_id: string | null;
        };
        CreateInvoiceTask: {
            /** @enum {string} */
            kind: "session";
            /** Format: uuid */
            session_id: string;
        } | {
            /** @enum {string} */
            kind: "extension";
            /** Format: uuid */
            extension_id: string;
        };
        PaymentTimeoutResult: {
            outcome: string;
        };
        PaymentTimeoutTask: {
            /** Format: uuid */
            payment_id: string;
        };
        PaymentsReconcileResult: {
            checked: number;
            settled: number;
            failed: number;
            callbacks_reprocessed: number;
        };
        Dashboard: {
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            generated_at: string;
            mitras: {
                online: number;
                /** @description online, active, fresh heartbeat and below capacity (SPEC §6) */
                available: number;
                active: number;
                total: number;
            };
            sessions_by_state: {
                pending_payment: number;
                active: number;
                expired: number;
                closing: number;
                completed: number;
                cancelled: number;
            };
            today: {
                /**
                 * @description The calendar day in Asia/Jakarta (WIB, UTC+7)
                 * @example 2026-11-25
                 */
                date: string;
                /** @enum {string} */
                timezone: "Asia/Jakarta";
                /** @description Sessions created today */
                sessions: number;
                /** @description Paid payments with paid_at today (sessions and extensions) */
                revenue_idr: number;
                paid_payments: number;
            };
            /** @description "Sesi Sensitif" */
            sensitive: {
                /** @description Sessions whose topic is sensitive, all time */
                total: number;
                last_30_days: number;
                sessions_last_30_days: number;
                /** @description last_30_days / sessions_last_30_days in %, one decimal; 0 when there were none */
                share_30d_percent: number;
            };
            /** @description Customers and mitras with 3+ pending reports */
            flagged_users: number;
            pending_reports: number;
            /** @description "Perlu perhatian" (SPEC §15) */
            needs_attention: {
                /** @description Screening alerts nobody has answered yet */
                open_safety_alerts: number;
                open_self_harm_alerts: number;
                /** @description Sessions with an alert open or acknowledged */
                sessions: number;
                /** @description Sessions screening ever flagged */
                safety_flagged_sessions_total: number;
            };
        };
        CcMitraPage: {
            items: components["schemas"]["CcMitra"][];
            next_cursor: string | null;
        };
        CcMitra: {
            /** Format: uuid */
            id: string;
            /** @description Masked (+62812****781) without mitras:read */
            phone: string | null;
            display_name: string;
            is_active: boolean;
            is_online: boolean;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            last_heartbeat_at: string | null;
            /** @description May be offered sensitive requests (SPEC §6) */
            sensitive_ok: boolean;
            /** @description Sessions holding a place: pending payment, active, or in the extension window */
            live_sessions: number;
            pending_reports: number;
            /** @description 3+ pending reports against this mitra */
            flagged_for_review: boolean;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            updated_at: string;
        };
        CcMitraSearch: {
            /** @description Name or phone (any form: 08…, 62…, +62…) */
            q?: string;
            /** @description Online (and active) */
            online?: boolean;
            active?: boolean;
            flagged?: boolean;
            /** @description Default 20 */
            limit?: number;
            cursor?: string;
        };
        CcRegisterMitra: {
            phone: string;
            display_name?: string;
            is_active?: boolean;
        };
        CcUpdateMitra: {
            display_name?: string;
            is_active?: boolean;
            sensitive_ok?: boolean;
        };
        MitraActivityPage: {
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            from: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            to: string;
            items: components["schemas"]["MitraActivityRow"][];
            next_cursor: string | null;
        };
        MitraActivityRow: {
            mitra: {
                /** Format: uuid */
                id: string;
                display_name: string;
                /** @description Masked without mitras:read; null for a deleted account */
                phone: string | null;
                is_active: boolean;
            };
            /** @description Every notification offered in [from, to), whatever became of it */
            offered: number;
            accepted: number;
            rejected: number;
            /** @description No answer within request_notification_timeout_seconds */
            ignored: number;
            /** @description Another mitra accepted first */
            missed: number;
            /** @description accepted / offered in %, one decimal; null when offered is 0 */
            accept_rate: number | null;
            /** @description Offers whose topic was sensitive */
            sensitive_total: number;
            sensitive_accepted: number;
            /** @description sensitive_accepted / sensitive_total in %, one decimal; null when sensitive_total is 0 */
            sensitive_rate: number | null;
        };
        MitraActivityLog: {
            /** Format: uuid */
            mitra_id: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            from: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            to: string;
            items: components["schemas"]["MitraActivityLogEntry"][];
            next_cursor: string | null;
        };
        MitraActivityLogEntry: {
            /** Format: uuid */
            request_id: string;
            /** @enum {string} */
            status: "offered" | "accepted" | "rejected" | "ignored" | "missed" | "cancelled" | "expired";
            reason: string | null;
            /** @enum {string} */
            topic_sensitivity: "regular" | "sensitive";
            /** @description The mitra’s live sessions when offered */
            active_session_count: number;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            offered_at: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            responded_at: string | null;
            request_status: string;
            is_free_trial: boolean;
            /**
             * Format: uuid
             * @description The session, when this mitra won it
             */
            session_id: string | null;
        };
        CcSessionSummaryPage: {
            items: components["schemas"]["CcSessionSummary"][];
            next_cursor: string | null;
        };
        CcSessionSummary: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            request_id: string;
            /** @enum {string} */
            status: "pending_payment" | "active" | "expired" | "closing" | "completed" | "cancelled";
            /** @enum {string} */
            topic_sensitivity: "regular" | "sensitive";
            is_free_trial: boolean;
            tier_id: string | null;
            duration_minutes: number;
            price_idr: number;
            customer: {
                /** Format: uuid */
                id: string;
                display_name: string;
            };
            mitra: {
                /** Format: uuid */
                id: string;
                display_name: string;
            };
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            started_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            ends_at: string | null;
            closing_reason: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            completed_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            cancelled_at: string | null;
            /** @description Safety screening found something in this session (SPEC §15) */
            safety_flag: boolean;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            safety_flagged_at: string | null;
        };
        CcSessionDetail: components["schemas"]["CcSessionSummary"] & {
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            expired_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            closing_at: string | null;
            cancel_reason: string | null;
            message_count: number;
            /** @description When each side said goodbye; the texts are chat content, in the audited transcript */
            goodbye_at: {
                /**
                 * Format: date-time
                 * @example 2026-11-25T10:00:00.000Z
                 */
                customer: string | null;
                /**
                 * Format: date-time
                 * @example 2026-11-25T10:00:00.000Z
                 */
                mitra: string | null;
            };
            participants: {
                customer: {
                    /** Format: uuid */
                    id: string;
                    display_name: string;
                    /** @description Masked (+62812****781) without customers:read */
                    phone: string | null;
                    /** @description Masked (b***@g***.com) without customers:read */
                    email: string | null;
                    is_banned: boolean;
                };
                mitra: {
                    /** Format: uuid */
                    id: string;
                    display_name: string;
                    /** @description Masked without mitras:read; null for a deleted account */
                    phone: string | null;
                    is_active: boolean;
                };
            };
            payments: components["schemas"]["CcPayment"][];
            extensions: components["schemas"]["CcExtension"][];
            rating: {
                stars: number;
                comment: string | null;
                /**
                 * Format: date-time
                 * @example 2026-11-25T10:00:00.000Z
                 */
                created_at: string;
            } | null;
            reports: components["schemas"]["CcReport"][];
            /** @description The guidance its mitra was shown after a crisis sign, if any */
            safety_notice: {
                text: string;
                /**
                 * Format: date-time
                 * @example 2026-11-25T10:00:00.000Z
                 */
                at: string;
            } | null;
            /** @description Newest first (at most 100) */
            safety_alerts: components["schemas"]["CcSafetyAlert"][];
            /** @description Every flip, oldest first; empty when there was none */
            sensitivity_timeline: {
                /** @enum {string} */
                from: "regular" | "sensitive";
                /** @enum {string} */
                to: "regular" | "sensitive";
                /** Format: uuid */
                mitra_id: string;
                /**
                 * Format: date-time
                 * @example 2026-11-25T10:00:00.000Z
                 */
                at: string;
            }[];
        };
        CcPayment: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "session" | "extension";
            /** Format: uuid */
            extension_id: string | null;
            external_id: string;
            amount_idr: number;
            currency: string;
            status: string;
            flag_reason: string | null;
            paid_amount: number | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            expires_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            paid_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            created_at: string;
        };
        CcExtension: {
            /** Format: uuid */
            id: string;
            tier_id: string;
            duration_minutes: number;
            price_idr: number;
            status: string;
            /** @enum {string} */
            topic_sensitivity: "regular" | "sensitive";
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            respond_by: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            responded_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            applied_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            created_at: string;
        };
        CcReport: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            session_id: string;
            reporter: {
                /** @enum {string} */
                type: "customer" | "mitra";
                /** Format: uuid */
                id: string;
                display_name: string;
            };
            reported: {
                /** @enum {string} */
                type: "customer" | "mitra";
                /** Format: uuid */
                id: string;
                display_name: string;
                pending_reports: number;
                /** @description 3+ pending reports against them */
                flagged_for_review: boolean;
            };
            reason: string;
            description: string | null;
            /** @enum {string} */
            status: "pending" | "reviewed" | "actioned" | "dismissed";
            review_note: string | null;
            /**
             * Format: uuid
             * @description The control-center user who reviewed it last
             */
            reviewed_by: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            reviewed_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            created_at: string;
        };
        CcSafetyAlert: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            session_id: string;
            /** @description The message, by seq (its text only in the audited transcript) */
            message_seq: number;
            /** @enum {string} */
            sender_type: "customer" | "mitra";
            /** Format: uuid */
            sender_id: string;
            /** @enum {string} */
            category: "self_harm" | "contact_info";
            /** @description The screening rule that matched (settings section safety) */
            rule_id: string;
            /** @enum {string} */
            status: "open" | "acknowledged" | "resolved" | "dismissed";
            review_note: string | null;
            /**
             * Format: uuid
             * @description The control-center user who answered it last
             */
            reviewed_by: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            reviewed_at: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            updated_at: string;
        };
        TranscriptPage: {
            items: components["schemas"]["TranscriptMessage"][];
            next_cursor: string | null;
            /** @description Each side’s goodbye (chat content: shown only here, under the audit) */
            goodbyes: {
                customer: components["schemas"]["TranscriptGoodbye"];
                mitra: components["schemas"]["TranscriptGoodbye"];
            };
        };
        TranscriptMessage: {
            seq: number;
            /** @enum {string} */
            sender_type: "customer" | "mitra";
            /** Format: uuid */
            sender_id: string;
            /** @description Empty when removed */
            body: string;
            /**
             * @description Why the body is gone: the sender deleted the account, or retention purged it
             * @enum {string|null}
             */
            removed: "account_deleted" | "retention" | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            created_at: string;
        };
        TranscriptGoodbye: {
            /** @description Null when removed */
            message: string | null;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            at: string;
        } | null;
        CcCustomerPage: {
            items: components["schemas"]["CcCustomer"][];
            next_cursor: string | null;
        };
        CcCustomer: {
            /** Format: uuid */
            id: string;
            display_name: string;
            /** @description Masked (+62812****781) without customers:read */
            phone: string | null;
            /** @description Masked (b***@g***.com) without customers:read */
            email: string | null;
            is_guest: boolean;
            is_banned: boolean;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            banned_at: string | null;
            ban_reason: string | null;
            pending_reports: number;
            /** @description 3+ pending reports against this customer */
            flagged_for_review: boolean;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            created_at: string;
        };
        CcCustomerSearch: {
            /** @description Name, phone (any form: 08…, 62…, +62…) or e-mail */
            q?: string;
            /**
             * @description flagged: 3+ pending reports
             * @enum {string}
             */
            status?: "active" | "banned" | "flagged";
            /** @description Default 20 */
            limit?: number;
            cursor?: string;
        };
        CcBanCustomer: {
            reason: string;
        };
        CcReportPage: {
            items: components["schemas"]["CcReport"][];
            next_cursor: string | null;
        };
        CcReviewReport: {
            /** @enum {string} */
            status: "reviewed" | "actioned" | "dismissed";
            note?: string;
        };
        CcSafetyAlertPage: {
            items: components["schemas"]["CcSafetyAlert"][];
            next_cursor: string | null;
        };
        CcReviewSafetyAlert: {
            /** @enum {string} */
            status: "acknowledged" | "resolved" | "dismissed";
            note?: string;
        };
        AuditEntryPage: {
            items: components["schemas"]["AuditEntry"][];
            next_cursor: string | null;
        };
        AuditEntry: {
            id: string;
            /** @enum {string} */
            kind: "transcript_access" | "mitra_registered" | "mitra_updated" | "customer_banned" | "customer_unbanned" | "report_reviewed" | "account_erased" | "safety_alert_reviewed";
            actor: {
                /** Format: uuid */
                id: string;
                email: string;
                display_name: string;
            } | null;
            target_type: string | null;
            target_id: string | null;
            details: components["schemas"]["AuditDetails"];
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            created_at: string;
        };
        AuditDetails: {
            /** @description transcript_access: the page read started after */
            after_seq?: number;
            /** @description transcript_access: messages shown */
            messages?: number;
            display_name?: string;
            is_active?: boolean;
            before?: {
                display_name?: string;
                is_active?: boolean;
            };
            after?: {
                display_name?: string;
                is_active?: boolean;
            };
            sessions_revoked?: number;
            offers_withdrawn?: number;
            reason?: string;
            from_status?: string;
            to_status?: string;
            note?: string | null;
        };
        CcAccountErased: {
            /**
             * Format: date-time
             * @description When the account was deleted (the first time)
             * @example 2026-11-25T10:00:00.000Z
             */
            erased_at: string;
        };
        OutboxDrained: {
            delivered: number;
        };
        TestClockAdvanced: {
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            now: string;
            /** @description product timers run (cron sweeps not counted) */
            tasks_run: number;
        };
        TestClockAdvance: {
            advance_seconds: number;
        };
        RecordedPushes: {
            messages: components["schemas"]["RecordedPush"][];
        };
        RecordedPush: {
            message_id: string;
            token: string;
            data: {
                [key: string]: string;
            };
            notification?: {
                title: string;
                body: string;
            };
            android: {
                /** @enum {string} */
                priority: "high" | "normal";
                /** @description Milliseconds left until the push expires */
                ttl?: number;
                notification?: {
                    channelId: string;
                    tag: string;
                };
            };
            apns: {
                headers: {
                    [key: string]: string;
                };
                payload: {
                    aps: {
                        sound?: string;
                        threadId?: string;
                        contentAvailable?: boolean;
                    };
                };
            };
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            recorded_at: string;
        };
        TestRealtimeDocument: {
            path: string;
            exists: boolean;
            data: components["schemas"]["FirestoreDocument"];
        };
        FirestoreDocument: {
            [key: string]: components["schemas"]["FirestoreValue"] | null;
        } | null;
        FirestoreValue: string | number | boolean | (components["schemas"]["FirestoreValue"] | null)[] | {
            [key: string]: components["schemas"]["FirestoreValue"] | null;
        };
        TestRealtimeCollection: {
            path: string;
            docs: {
                id: string;
                data: components["schemas"]["FirestoreDocument"];
            }[];
        };
        TestProbeScheduled: {
            /** Format: uuid */
            probe_id: string;
            /**
             * Format: date-time
             * @example 2026-11-25T10:00:00.000Z
             */
            run_at: string;
        };
        TestProbeInput: {
            delay_seconds: number;
        };
        TestProbeRuns: {
            runs: number;
        };
        TestOtpCode: {
            code: string;
        };
        TestSeededMitra: {
            /** Format: uuid */
            mitra_id: string;
            created: boolean;
        };
        TestSeedMitraInput: {
            phone: string;
            display_name?: string;
            is_active?: boolean;
        };
        StackHealth: {
            /** @enum {string} */
            status: "ok" | "degraded";
            functions: {
                /** @enum {string} */
                auth: "ok" | "down";
                /** @enum {string} */
                pairing: "ok" | "down";
                /** @enum {string} */
                session: "ok" | "down";
                /** @enum {string} */
                config: "ok" | "down";
                /** @enum {string} */
                "payment-webhook": "ok" | "down";
                /** @enum {string} */
                internal: "ok" | "down";
                /** @enum {string} */
                workers: "ok" | "down";
            };
            dependencies: {
                /** @enum {string} */
                postgres: "ok" | "down";
                /** @enum {string} */
                firestore: "ok" | "down";
            };
            /** @description null when the outbox could not be read */
            outbox: {
                dead_letters: number;
                oldest_pending_age_seconds: number;
            } | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    sharedJwks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Access-token verification keys */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JwkSet"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    customerDeleteAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccountDeleteInput"];
            };
        };
        responses: {
            /** @description Deleted; the rest of the erasure runs in the background */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountErased"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    customerExportAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerAccountExport"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    customerSignInWithApple: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SocialSignInBody"];
            };
        };
        responses: {
            /** @description Signed in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerAuth"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INVALID_ID_TOKEN, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: ACCOUNT_BANNED, FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: IDENTITY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PROVIDER_NOT_CONFIGURED, PROVIDER_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    customerSignInWithGoogle: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SocialSignInBody"];
            };
        };
        responses: {
            /** @description Signed in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerAuth"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INVALID_ID_TOKEN, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: ACCOUNT_BANNED, FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: IDENTITY_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PROVIDER_NOT_CONFIGURED, PROVIDER_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    customerMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Profile */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerProfile"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    customerRequestOtp: {
        parameters: {
            query?: never;
            header?: {
                /** @description Firebase App Check token; required when the server enforces App Check */
                "x-firebase-appcheck"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OtpRequestBody"];
            };
        };
        responses: {
            /** @description OTP sent */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OtpRequested"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: APP_CHECK_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PHONE_INVALID */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: OTP_COOLDOWN, OTP_RATE_LIMIT_IP, OTP_RATE_LIMIT_PHONE */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: OTP_SEND_FAILED, OTP_UNAVAILABLE, PROVIDER_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    customerVerifyOtp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerOtpVerifyBody"];
            };
        };
        responses: {
            /** @description Signed in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerAuth"];
                };
            };
            /** @description Error: BAD_REQUEST, WRONG_FLOW */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: CODE_MISMATCH, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: ACCOUNT_BANNED, FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND, OTP_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: IDENTITY_CONFLICT, OTP_USED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: OTP_EXPIRED */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: OTP_ATTEMPTS_EXCEEDED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    customerUpdateProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerProfilePatch"];
            };
        };
        responses: {
            /** @description Profile */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerProfile"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    clientAvailability: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Available mitras (cached ≤ 10 s) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Availability"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    clientCreateChatRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description The app’s stable id of this device (limits and the free trial are counted per device) */
                "x-device-id"?: string;
                /** @description Firebase App Check token; required when the server enforces App Check */
                "x-firebase-appcheck"?: string;
                /** @description A replay with the same key answers the original 201 body */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChatRequestInput"];
            };
        };
        responses: {
            /** @description Searching */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatRequestCreated"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: APP_CHECK_INVALID, AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: ACCOUNT_BANNED, FORBIDDEN, REGISTRATION_REQUIRED */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: ALREADY_ACTIVE, FREE_TRIAL_UNAVAILABLE, MITRA_UNAVAILABLE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PROVIDER_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    clientCancelChatRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cancelled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatRequestCancelled"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: REQUEST_TAKEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: REQUEST_EXPIRED */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    customerReport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportInput"];
            };
        };
        responses: {
            /** @description Reported */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Report"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: ALREADY_REPORTED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    customerSessionHistory: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of sessions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionForCustomerPage"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    customerSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionForCustomer"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    customerEndSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Now closing */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionForCustomer"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: EARLY_END_DISABLED, FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: SESSION_NOT_ACTIVE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    customerRequestExtension: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExtensionRequest"];
            };
        };
        responses: {
            /** @description Offered to the mitra */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Extension"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: EXTENSION_NOT_ALLOWED, EXTENSION_PENDING */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    customerGoodbye: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GoodbyeInput"];
            };
        };
        responses: {
            /** @description Goodbye recorded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionForCustomer"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: GOODBYE_ALREADY_SENT, SESSION_NOT_CLOSING */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    customerListMessages: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                /** @description by seq; desc = newest first */
                order?: "asc" | "desc";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of messages */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessagePage"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    customerSendMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageInput"];
            };
        };
        responses: {
            /** @description Stored (or the one already stored for this client_message_id) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: SESSION_NOT_ACTIVE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    customerMarkReceipts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReceiptsInput"];
            };
        };
        responses: {
            /** @description The caller’s watermarks now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Receipts"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    customerRateSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RatingInput"];
            };
        };
        responses: {
            /** @description Rated */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rating"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: ALREADY_RATED, SESSION_NOT_ENDED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    customerTyping: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TypingInput"];
            };
        };
        responses: {
            /** @description Recorded */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: SESSION_NOT_ACTIVE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    customerActiveSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Current session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerActiveSession"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    mitraDeleteAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccountDeleteInput"];
            };
        };
        responses: {
            /** @description Deleted; the rest of the erasure runs in the background */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountErased"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    mitraExportAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MitraAccountExport"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    mitraMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Profile */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MitraProfile"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    mitraRequestOtp: {
        parameters: {
            query?: never;
            header?: {
                /** @description Firebase App Check token; required when the server enforces App Check */
                "x-firebase-appcheck"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OtpRequestBody"];
            };
        };
        responses: {
            /** @description OTP sent */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OtpRequested"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: APP_CHECK_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PHONE_INVALID */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: OTP_COOLDOWN, OTP_RATE_LIMIT_IP, OTP_RATE_LIMIT_PHONE */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: OTP_SEND_FAILED, OTP_UNAVAILABLE, PROVIDER_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    mitraVerifyOtp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OtpVerifyBody"];
            };
        };
        responses: {
            /** @description Signed in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MitraAuth"];
                };
            };
            /** @description Error: BAD_REQUEST, WRONG_FLOW */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: CODE_MISMATCH */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: ACCOUNT_INACTIVE */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: OTP_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: OTP_USED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: OTP_EXPIRED */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: OTP_ATTEMPTS_EXCEEDED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    mitraReport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportInput"];
            };
        };
        responses: {
            /** @description Reported */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Report"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: ALREADY_REPORTED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    mitraAcceptRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Won */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Accepted"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: ACCOUNT_INACTIVE, FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: ALREADY_ACTIVE, CAPACITY_FULL, REQUEST_CANCELLED, REQUEST_REJECTED, REQUEST_TAKEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: REQUEST_EXPIRED */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    mitraRejectRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Rejected (idempotent) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Rejected"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: REQUEST_CANCELLED, REQUEST_TAKEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: REQUEST_EXPIRED */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    mitraPendingOffers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Open offers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PendingOffers"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    mitraSessionHistory: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of sessions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionForMitraPage"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    mitraSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionForMitra"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    mitraEndSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Now closing */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionForMitra"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: EARLY_END_DISABLED, FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: SESSION_NOT_ACTIVE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    mitraAcceptExtension: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                ext_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Answered (the same answer again returns it unchanged) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExtensionOffer"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: EXTENSION_NOT_PENDING */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    mitraRejectExtension: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                ext_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Answered (the same answer again returns it unchanged) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExtensionOffer"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: EXTENSION_NOT_PENDING */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    mitraGoodbye: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GoodbyeInput"];
            };
        };
        responses: {
            /** @description Goodbye recorded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionForMitra"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: GOODBYE_ALREADY_SENT, SESSION_NOT_CLOSING */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    mitraListMessages: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                /** @description by seq; desc = newest first */
                order?: "asc" | "desc";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of messages */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessagePage"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    mitraSendMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageInput"];
            };
        };
        responses: {
            /** @description Stored (or the one already stored for this client_message_id) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: SESSION_NOT_ACTIVE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    mitraMarkReceipts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReceiptsInput"];
            };
        };
        responses: {
            /** @description The caller’s watermarks now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Receipts"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    mitraFlipSensitivity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SensitivityInput"];
            };
        };
        responses: {
            /** @description The session as the mitra sees it now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionForMitra"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: SENSITIVITY_LATCHED, SESSION_NOT_ACTIVE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    mitraTyping: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TypingInput"];
            };
        };
        responses: {
            /** @description Recorded */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: SESSION_NOT_ACTIVE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    mitraActiveSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Current sessions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MitraActiveSessions"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    mitraStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Presence */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Presence"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    mitraHeartbeat: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Alive */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: ACCOUNT_INACTIVE, FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    mitraGoOffline: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Offline */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Presence"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: ACCOUNT_INACTIVE, FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    mitraGoOnline: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Online */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WentOnline"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: ACCOUNT_INACTIVE, FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    sharedSignInAnonymous: {
        parameters: {
            query?: never;
            header?: {
                /** @description The app’s stable id of this device (limits and the free trial are counted per device) */
                "x-device-id"?: string;
                /** @description Firebase App Check token; required when the server enforces App Check */
                "x-firebase-appcheck"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["AnonymousSignUpBody"];
            };
        };
        responses: {
            /** @description Guest created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerAuth"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: APP_CHECK_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PROVIDER_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    sharedFirebaseToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Firebase custom token */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FirebaseToken"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PROVIDER_NOT_CONFIGURED */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    sharedLogout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    sharedRefreshTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshBody"];
            };
        };
        responses: {
            /** @description New token pair (the refresh token is rotated) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPair"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: REFRESH_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: ACCOUNT_BANNED, ACCOUNT_INACTIVE */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getPublicConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Public config */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicConfig"];
                };
            };
            /** @description Unchanged */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    sharedPutDeviceToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeviceTokenBody"];
            };
        };
        responses: {
            /** @description Stored */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: RATE_LIMITED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    sharedDeleteDeviceToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeviceTokenDelete"];
            };
        };
        responses: {
            /** @description Removed (idempotent) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    pairingBlastPush: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PubSubPushEnvelope"];
            };
        };
        responses: {
            /** @description Handled (idempotent) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    safetyScreenMessage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PubSubPushEnvelope"];
            };
        };
        responses: {
            /** @description Screened (a redelivery records nothing twice) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    stackHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Everything is up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StackHealth"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Something is down: the same report, with `status: degraded` */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StackHealth"];
                };
            };
        };
    };
    testAdvanceClock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TestClockAdvance"];
            };
        };
        responses: {
            /** @description Tasks ran */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestClockAdvanced"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    testPeekOtp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                otp_request_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The code */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestOtpCode"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    testScheduleProbe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TestProbeInput"];
            };
        };
        responses: {
            /** @description Scheduled */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestProbeScheduled"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    testProbeRuns: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How often the probe ran */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestProbeRuns"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    testRecordedPushes: {
        parameters: {
            query: {
                user_id: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Recorded messages */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordedPushes"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    testReadRealtime: {
        parameters: {
            query: {
                path: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Document or collection */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestRealtimeDocument"] | components["schemas"]["TestRealtimeCollection"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    testSeedMitra: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TestSeedMitraInput"];
            };
        };
        responses: {
            /** @description The mitra */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestSeededMitra"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PHONE_INVALID */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    ccAudit: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                kind?: "transcript_access" | "mitra_registered" | "mitra_updated" | "customer_banned" | "customer_unbanned" | "report_reviewed" | "account_erased" | "safety_alert_reviewed";
                actor_id?: string;
                target_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the trail */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEntryPage"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, IAP_REQUIRED, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    ccLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CcLoginBody"];
            };
        };
        responses: {
            /** @description Signed in; refresh token set in the cc_refresh_token cookie */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CcLogin"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: IAP_REQUIRED, INVALID_CREDENTIALS */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: ACCOUNT_LOCKED */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    ccLogout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out; cookie cleared */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: IAP_REQUIRED, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    ccMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signed-in operator, their role and permissions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CcMe"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, IAP_REQUIRED, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    ccRefresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Rotated; new cookie set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CcAccessToken"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: IAP_REQUIRED, REFRESH_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    getInternalConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description DB values and defaults beside the env-derived values and bounds */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalConfig"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, IAP_REQUIRED, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    patchConfigSection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                section: "anonymity" | "free-trial" | "extension-timeout" | "early-end" | "mitra-ping" | "price-tiers" | "sensitivity" | "otp" | "lockout" | "capacity" | "stale" | "pairing" | "blast" | "closing" | "payment" | "limits" | "support" | "retention" | "safety";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfigPatch"];
            };
        };
        responses: {
            /** @description Stored (or unchanged) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfigPatchResult"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, IAP_REQUIRED, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: CONFIG_OUT_OF_BOUNDS */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    listConfigAudit: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Audit entries, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConfigAuditPage"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, IAP_REQUIRED, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    ccListUsers: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                role?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of control-center users */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CcUserPage"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, IAP_REQUIRED, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    ccCreateUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateControlCenterUser"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ControlCenterUser"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, IAP_REQUIRED, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: EMAIL_TAKEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PASSWORD_MISSING_DIGIT, PASSWORD_MISSING_LOWERCASE, PASSWORD_MISSING_UPPERCASE, PASSWORD_TOO_SHORT */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    ccResetUserPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetPassword"];
            };
        };
        responses: {
            /** @description Reset; the user’s sessions are revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, IAP_REQUIRED, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PASSWORD_MISSING_DIGIT, PASSWORD_MISSING_LOWERCASE, PASSWORD_MISSING_UPPERCASE, PASSWORD_TOO_SHORT */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    ccChangeOwnPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeOwnPassword"];
            };
        };
        responses: {
            /** @description Changed; the other sessions are revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, IAP_REQUIRED, INVALID_CREDENTIALS, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PASSWORD_MISSING_DIGIT, PASSWORD_MISSING_LOWERCASE, PASSWORD_MISSING_UPPERCASE, PASSWORD_TOO_SHORT */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    ccSearchUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CcUserSearch"];
            };
        };
        responses: {
            /** @description A page of control-center users */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CcUserPage"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, IAP_REQUIRED, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    ccListCustomers: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                /** @description flagged: 3+ pending reports */
                status?: "active" | "banned" | "flagged";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of customers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CcCustomerPage"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, IAP_REQUIRED, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    ccBanCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CcBanCustomer"];
            };
        };
        responses: {
            /** @description Banned */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CcCustomer"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, IAP_REQUIRED, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    ccEraseCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted; the rest of the erasure runs in the background */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CcAccountErased"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, IAP_REQUIRED, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    ccUnbanCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Unbanned */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CcCustomer"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, IAP_REQUIRED, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    ccSearchCustomers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CcCustomerSearch"];
            };
        };
        responses: {
            /** @description A page of customers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CcCustomerPage"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, IAP_REQUIRED, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    ccDashboard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dashboard */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dashboard"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, IAP_REQUIRED, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    ccMitraActivity: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                /** @description Inclusive: offers made at or after (default: to − 30 days) */
                from?: string;
                /** @description Exclusive: offers made before (default: now); at most 366 days after from */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of mitras with their figures */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MitraActivityPage"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, IAP_REQUIRED, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    ccMitraActivityLog: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                /** @description Inclusive: offers made at or after (default: to − 30 days) */
                from?: string;
                /** @description Exclusive: offers made before (default: now); at most 366 days after from */
                to?: string;
                status?: "offered" | "accepted" | "rejected" | "ignored" | "missed" | "cancelled" | "expired";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the log */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MitraActivityLog"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, IAP_REQUIRED, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    ccListMitras: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                /** @description Online (and active) */
                online?: "true" | "false";
                active?: "true" | "false";
                flagged?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of mitras */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CcMitraPage"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, IAP_REQUIRED, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    ccRegisterMitra: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CcRegisterMitra"];
            };
        };
        responses: {
            /** @description Registered */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CcMitra"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, IAP_REQUIRED, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PHONE_TAKEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PHONE_INVALID */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    ccUpdateMitra: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CcUpdateMitra"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CcMitra"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, IAP_REQUIRED, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    ccEraseMitra: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted; the rest of the erasure runs in the background */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CcAccountErased"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, IAP_REQUIRED, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    ccSearchMitras: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CcMitraSearch"];
            };
        };
        responses: {
            /** @description A page of mitras */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CcMitraPage"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, IAP_REQUIRED, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    ccListReports: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                status?: "pending" | "reviewed" | "actioned" | "dismissed";
                session_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of reports */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CcReportPage"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, IAP_REQUIRED, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    ccReviewReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CcReviewReport"];
            };
        };
        responses: {
            /** @description Reviewed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CcReport"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, IAP_REQUIRED, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: REPORT_ALREADY_RESOLVED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    ccListSafetyAlerts: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                status?: "open" | "acknowledged" | "resolved" | "dismissed";
                category?: "self_harm" | "contact_info";
                session_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of safety alerts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CcSafetyAlertPage"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, IAP_REQUIRED, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    ccReviewSafetyAlert: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CcReviewSafetyAlert"];
            };
        };
        responses: {
            /** @description Answered */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CcSafetyAlert"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, IAP_REQUIRED, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: SAFETY_ALERT_CLOSED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    ccListSessions: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                status?: "pending_payment" | "active" | "expired" | "closing" | "completed" | "cancelled";
                topic_sensitivity?: "regular" | "sensitive";
                /** @description Created at or after (inclusive) */
                from?: string;
                /** @description Created before (exclusive) */
                to?: string;
                customer_id?: string;
                mitra_id?: string;
                /** @description Only sessions safety screening flagged (true) or not */
                safety_flag?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of sessions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CcSessionSummaryPage"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, IAP_REQUIRED, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    ccSessionDetail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CcSessionDetail"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, IAP_REQUIRED, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    ccSessionTranscript: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of messages and the goodbyes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TranscriptPage"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, IAP_REQUIRED, TOKEN_EXPIRED, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: FORBIDDEN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    runProbeTask: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    probe_id: string;
                };
            };
        };
        responses: {
            /** @description Recorded */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    drainOutbox: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Drained */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutboxDrained"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    pairingNotificationTimeout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationTimeoutTask"];
            };
        };
        responses: {
            /** @description Handled (idempotent) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    pairingQueueMoved: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QueueMovedTask"];
            };
        };
        responses: {
            /** @description Handled (idempotent) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    pairingRequestTimeout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestTimeoutTask"];
            };
        };
        responses: {
            /** @description Handled (idempotent) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    pairingSweepStale: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Swept */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SweepResult"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    pairingWave: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WaveTask"];
            };
        };
        responses: {
            /** @description Handled (idempotent) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    taskCreateInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateInvoiceTask"];
            };
        };
        responses: {
            /** @description Created, or already there, or nothing to pay */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateInvoiceResult"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PROVIDER_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    taskPaymentsReconcile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What was checked and settled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentsReconcileResult"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    taskPaymentTimeout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentTimeoutTask"];
            };
        };
        responses: {
            /** @description Settled or already settled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentTimeoutResult"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PROVIDER_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    taskPrivacyEraseStep: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EraseStepTask"];
            };
        };
        responses: {
            /** @description Handled; a late, duplicated or stale task changes nothing */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    taskPrivacyReleaseHold: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReleaseHoldTask"];
            };
        };
        responses: {
            /** @description Handled; a late, duplicated or stale task changes nothing */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    taskPrivacyRetention: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetentionTask"];
            };
        };
        responses: {
            /** @description One round done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetentionRound"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    taskSessionClosingGrace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SessionTimerTask"];
            };
        };
        responses: {
            /** @description Handled; a late, duplicated or stale task changes nothing */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    taskSessionExpire: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SessionTimerTask"];
            };
        };
        responses: {
            /** @description Handled; a late, duplicated or stale task changes nothing */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    taskSessionExtensionTimeout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExtensionTimeoutTask"];
            };
        };
        responses: {
            /** @description Handled; a late, duplicated or stale task changes nothing */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    taskSessionExtensionWindow: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SessionTimerTask"];
            };
        };
        responses: {
            /** @description Handled; a late, duplicated or stale task changes nothing */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    taskSessionPaymentHold: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SessionTimerTask"];
            };
        };
        responses: {
            /** @description Handled; a late, duplicated or stale task changes nothing */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: AUTH_MISSING, TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
    webhookXenditInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["XenditInvoiceCallback"];
            };
        };
        responses: {
            /** @description Recorded (and processed) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["XenditCallbackAck"];
                };
            };
            /** @description Error: BAD_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: CALLBACK_TOKEN_INVALID */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: PAYLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
            /** @description Error: INTERNAL */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorEnvelope"];
                };
            };
        };
    };
}
