/** Users: customers, mitras, control-center users and device tokens — the tables every feature reads. */
export * from './admin-queries';
export * from './cc-users';
export * from './customers';
export * from './device-tokens';
export * from './mitras';
export * from './permissions';
