/** Users: customers, mitras, control-center users and device tokens — the tables every feature reads. */
export { namesOf } from './names';
export { PERMISSIONS, RolePermissions, type Permission } from './permissions';
export { ccUserProfile, customerProfile, generatedDisplayName, isGuest, mitraProfile } from './profiles';
export {
  findCcUser,
  findCcUserByEmail,
  insertCcUser,
  claimLoginAttempt,
  resetFailedLogins,
  setPasswordHash,
  type CcUserRow,
} from './repo/control-center-users';
export { ccUsersByIds, listCcUsers, type AdminCcUserRow } from './repo/control-center-users.admin';
export {
  createCustomer,
  eraseCustomerRow,
  ERASED_NAME,
  findCustomer,
  findCustomerBy,
  linkIdentity,
  lockIdentity,
  setCustomerBan,
  updateDisplayName,
  type CustomerRow,
  type IdentityField,
} from './repo/customers';
export { listCustomers } from './repo/customers.admin';
export {
  deleteDeviceToken,
  deleteDeviceTokensOf,
  deleteUnregisteredToken,
  deviceTokensOf,
  upsertDeviceToken,
  type DeviceTokenInput,
  type PushTarget,
} from './repo/device-tokens';
export {
  availableMitras,
  availableMitrasSql,
  eraseMitraRow,
  findMitra,
  findOrCreateMitraByPhone,
  lockMitra,
  presenceOf,
  setMitraOnline,
  touchHeartbeat,
  turnStaleOffline,
  updateMitraByOperator,
  type AvailableMitra,
  type MitraRow,
  type PresenceRow,
} from './repo/mitras';
export { listMitras, mitraFiguresSql, type MitraFilter } from './repo/mitras.admin';
export { roleExists } from './repo/roles';
export { bumpFirestoreEpoch, firestoreEpochOf, movedEpochs, type EpochSide } from './repo/firestore-epochs';
