export interface Principal {
  userId: string;
  userType: 'customer' | 'mitra' | 'cc_user';
  sessionId: string;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    principal: Principal;
  };
}
