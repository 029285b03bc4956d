import { defineErrors } from '../../infra/errors/index.ts';

/** Identity's error codes. */
export const identityError = defineErrors('identity', {
  AUTH_INVALID_CREDENTIALS: { status: 401, title: 'Wrong username or password', fix: 'Check the username and password; the account locks after repeated failures.' },
  AUTH_LOCKED_OUT: { status: 429, title: 'Too many failed sign-ins', fix: 'Wait until the time in `retryAfterSeconds`, or ask an administrator to unlock the account.' },
  IDENTITY_USERNAME_TAKEN: { status: 409, title: 'Username already exists', fix: 'Choose another username.' },
  IDENTITY_TAX_CODE_TAKEN: { status: 409, title: 'An enterprise with this tax code exists', fix: 'Use the existing enterprise.' },
  IDENTITY_ENTERPRISE_NOT_FOUND: { status: 404, title: 'Enterprise not found', fix: 'Check the enterprise id.' },
  IDENTITY_USER_NOT_FOUND: { status: 404, title: 'User not found', fix: 'Check the user id.' },
  IDENTITY_API_KEY_NOT_FOUND: { status: 404, title: 'API key not found', fix: 'Check the key id.' },
  IDENTITY_DEVICE_NOT_FOUND: { status: 404, title: 'Device not found', fix: 'Check the device id.' },
  IDENTITY_DEVICE_EXISTS: { status: 409, title: 'Device id already registered', fix: 'Choose another device id.' },
});
