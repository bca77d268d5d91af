using ChildDashboard.Core.Domain;
using Microsoft.AspNetCore.Identity;

namespace ChildDashboard.Web.Account;

// Identity's messages that users read, Vietnamese first.
public sealed class LocalizedIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new()
    {
        Code = nameof(PasswordTooShort),
        Description = Language.Pick(
            $"Mật khẩu cần ít nhất {length} ký tự; một cụm từ dễ nhớ là lựa chọn tốt.",
            $"The password needs at least {length} characters; a memorable phrase is a good choice."),
    };
}
